// The bodies of the account page's forms: profile (name, interface language) and password change. Only
// these fields are read; the account use cases check the values.
import { z } from 'zod';
import { field, uiLocale } from '../../schema-fields.js';

export const changePasswordSchema = z.object({ current: field(1_000), password: field(1_000) });
export const profileSchema = z.object({ name: field(1_000), locale: uiLocale });
