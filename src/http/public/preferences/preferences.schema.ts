// The bodies of the preferences page's forms and of the address-change button. Only these fields are read,
// each a single string; the real checks are the list use cases'.
import { z } from 'zod';
import { field } from '../../schema-fields.js';

export const joinBodySchema = z.object({ list: field(40), consent: z.string().max(10).optional() });
export const leaveBodySchema = z.object({ list: field(40) });
export const moveBodySchema = z.object({ from: field(40), to: field(40) });
export const addressBodySchema = z.object({ email: field(2_000) });
/** The unsubscribe button sends no field of its own. */
export const unsubscribeBodySchema = z.object({});
export const addressConfirmSchema = z.object({ token: field(1_000) });
