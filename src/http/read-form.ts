// Reading a form body with its zod schema, the one way routes (public and editor) answer a body no form of
// ours sends: the translated 400 page, nothing stored.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import { sendError } from './errors.js';
import type { SiteInfo } from './views/layout.js';

/**
 * Parses a form body with its schema. Repeated fields (arrays), absurd lengths and other shapes no form
 * of ours sends get the translated 400 page; field errors that people make are the use cases' to report.
 */
export function readForm<T>(
  req: FastifyRequest,
  reply: FastifyReply,
  deps: { site: SiteInfo },
  schema: ZodType<T>,
): T | undefined {
  const parsed = schema.safeParse(req.body ?? {});
  if (parsed.success) return parsed.data;
  sendError(req, reply, deps.site, 400);
  return undefined;
}
