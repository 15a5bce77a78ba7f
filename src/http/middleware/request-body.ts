// How request bodies may arrive and are read: a form's body has a short deadline; compressed bodies and
// NUL characters are refused; an answer given before the body has arrived closes the connection (the rest
// is not read for nothing); urlencoded forms are decoded as browsers encode them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { httpError } from './http-error.js';

export interface BodyLimits {
  /**
   * Time from the request's head to the end of its body, for every form but uploads (`config.uploads`:
   * pictures of several MB from a slow phone), which have the server's requestTimeout (app.ts).
   */
  deadlineMs: number;
}

export const defaultBodyLimits: BodyLimits = { deadlineMs: 10_000 };

/** True when the request announces a body (a length above zero, or chunked). */
export function hasBody(req: FastifyRequest): boolean {
  const length = req.headers['content-length'];
  return (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
}

/**
 * The urlencoded form parser: the WHATWG algorithm (URLSearchParams), so bytes that are not UTF-8, whether
 * percent-encoded or raw, become U+FFFD and the form's rules refuse them (fast-querystring, Fastify's
 * default, kept `%FF` as the three characters). Repeated keys give arrays, which every form schema
 * refuses; the object has no prototype, so `__proto__` is just a key.
 */
export function parseFormBody(body: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else if (Array.isArray(existing)) existing.push(value);
    else out[key] = [existing, value];
  }
  return out;
}

/** True when a form's field (a string, or a repeated one) holds U+0000. Nested values are no form's. */
function holdsNul(fields: unknown): boolean {
  if (fields === null || typeof fields !== 'object')
    return typeof fields === 'string' && fields.includes('\0');
  for (const value of Object.values(fields)) {
    if (
      typeof value === 'string'
        ? value.includes('\0')
        : Array.isArray(value) && value.some((v) => typeof v === 'string' && v.includes('\0'))
    ) {
      return true;
    }
  }
  return false;
}

export function registerRequestBody(app: FastifyInstance, limits: BodyLimits = defaultBodyLimits): void {
  app.addHook('preParsing', (req: FastifyRequest, reply: FastifyReply, payload, done) => {
    if (!hasBody(req)) {
      done(null, payload);
      return;
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.trim().toLowerCase() !== 'identity') {
      done(httpError(415, 'OUTCRY_CONTENT_ENCODING', 'compressed request bodies are not taken'), payload);
      return;
    }
    // The deadline: a body still incomplete then fails like a broken one (the body reader listens for
    // 'error'), with 408; the answer closes the connection (below).
    if (req.raw.complete === false && req.routeOptions.config?.uploads === undefined) {
      const timer = setTimeout(() => {
        if (req.raw.complete || reply.sent) return;
        req.raw.emit('error', httpError(408, 'OUTCRY_BODY_TIMEOUT', 'request body too slow'));
      }, limits.deadlineMs);
      timer.unref();
      req.raw.once('end', () => clearTimeout(timer));
      req.raw.once('close', () => clearTimeout(timer));
    }
    done(null, payload);
  });

  // U+0000 in a field or a query value: no browser form sends it, and PostgreSQL refuses it in text (it
  // was a 500 from the sign-in forms, whose email reaches a query unvalidated). After every body reader.
  app.addHook('preHandler', (req, _reply, done) => {
    if (holdsNul(req.body) || holdsNul(req.query)) {
      done(httpError(400, 'OUTCRY_NUL', 'a NUL character in a field'));
      return;
    }
    done();
  });

  // An answer sent while the body is still arriving (a refusal, a 503): close rather than read the rest.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (req.raw.complete === false) reply.header('connection', 'close');
    done(null, payload);
  });
}
