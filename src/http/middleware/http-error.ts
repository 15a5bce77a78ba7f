// A refusal raised from a hook or a body reader: an Error with the status the one error sink (errors.tsx)
// answers with its translated page, logged at info rather than as a server error.
import type { FastifyError } from 'fastify';

export function httpError(status: number, code: string, message: string): FastifyError {
  return Object.assign(new Error(message), { statusCode: status, code, name: 'HttpError' }) as FastifyError;
}
