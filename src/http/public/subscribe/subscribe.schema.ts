// The shape of the sign-up POST and of the confirmation button's. Only these fields are read; each must be
// a single string (duplicate keys arrive as arrays and are refused). The real limits, with translated
// errors, are the domain's (domain/list/signup-input.ts).
import { z } from 'zod';
import { field } from '../../schema-fields.js';

export const signupBodySchema = z.object({
  email: field(2_000),
  name: field(2_000),
  country: field(20),
  list: field(40),
  consent: z.string().max(10).optional(),
  token: field(300),
  website: field(2_000),
});
