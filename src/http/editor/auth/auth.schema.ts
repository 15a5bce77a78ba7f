// The bodies of the forms before login: log in, ask for a link, accept an invitation, choose a new
// password. Only these fields are read (no mass assignment); the account use cases check the values.
import { z } from 'zod';
import { field, uiLocale } from '../../schema-fields.js';

export const loginSchema = z.object({ email: field(400), password: field(1_000), next: field(500) });
export const emailSchema = z.object({ email: field(400) });
export const invitationSchema = z.object({
  name: field(1_000),
  password: field(1_000),
  locale: uiLocale.optional(),
});
export const passwordSchema = z.object({ password: field(1_000) });
