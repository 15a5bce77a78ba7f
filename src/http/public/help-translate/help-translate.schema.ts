// The shape of a "Help translate" POST: single strings, except the ticked language boxes (none, one or
// several `language` fields). The domain checks the values (application-input.ts).
import { z } from 'zod';
import { field } from '../../schema-fields.js';

const tag = z.string().max(35);

export const applicationBodySchema = z.object({
  name: field(2_000),
  email: field(2_000),
  language: z.union([tag, z.array(tag).max(100)]).optional(),
  note: field(20_000),
  token: field(300),
  reference: field(2_000),
});
