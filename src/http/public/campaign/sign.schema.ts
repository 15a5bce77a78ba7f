// The shape of a sign POST. Only these fields are read (no mass assignment of status or campaign); each
// must be a single string (duplicate keys arrive as arrays and are refused). Bounds here only stop absurd
// bodies; the real limits, with translated errors, are the domain's (sign-input.ts).
import { z } from 'zod';
import { field } from '../../schema-fields.js';

export const signBodySchema = z.object({
  name: field(2_000),
  email: field(2_000),
  union: field(2_000),
  country: field(20),
  message: field(50_000),
  alerts: z.string().max(10).optional(),
  anonymous: z.string().max(10).optional(),
  token: field(300),
  website: field(2_000),
  src: field(300),
});

export type SignBody = z.infer<typeof signBodySchema>;
