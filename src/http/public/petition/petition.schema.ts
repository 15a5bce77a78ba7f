// The petition page's query: an optional country filter and an optional cursor, each a single short
// string (repeated keys arrive as arrays and are refused).
import { z } from 'zod';

export const petitionQuerySchema = z.object({
  country: z.string().max(10).optional(),
  after: z.string().max(40).optional(),
});
