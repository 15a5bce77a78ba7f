// The bodies of the people pages' forms: an invitation (address, role, language of the mail) and a role
// change. Only these fields are read; the account use cases check the values.
import { z } from 'zod';
import { roles } from '../../../domain/account/permissions.js';
import { field, uiLocale } from '../../schema-fields.js';

export const inviteSchema = z.object({ email: field(400), role: z.enum(roles), locale: uiLocale });
export const roleSchema = z.object({ role: z.enum(roles) });
