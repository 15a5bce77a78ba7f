// Multipart bodies are the costly kind (files of UPLOAD_MAX_MB), read only where a form uploads, after
// the cheap checks: every other route answers 415 before reading a byte; on an upload route the editor gate
// (session, permission, cross-site headers) runs first, and the form's token, checked before any file is
// read, must come first. A malformed body (no boundary, a wrong one, none closing) is a 400, never a 500.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Clock } from '../../domain/shared/clock.js';
import { csrfField } from '../../security/csrf.js';
import { checkFormToken } from '../../security/form-token.js';
import { httpError } from '../middleware/http-error.js';
import { UploadedFile } from '../uploads.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route takes multipart forms, gated as described; every other route answers them 415. */
    uploads?: UploadGate;
  }
  interface FastifyRequest {
    /** Files sent with a form whose token did not admit them (read through, not kept). */
    uploadsDropped: boolean;
  }
}

export interface UploadGate {
  /** The field that proves the form genuine; it must come before any file. */
  tokenField: string;
  /** Whether the token lets files be read; runs once, before any file. */
  admits(req: FastifyRequest, token: string): boolean;
  /**
   * Without an admitting token: 'refuse' answers 403 at once (editor forms, whose gate has already checked
   * the session); 'drop-files' reads the fields but keeps no file, so the route answers with its own
   * translated error and the input kept (the public request form).
   */
  otherwise: 'refuse' | 'drop-files';
  /** Most files one form carries. */
  maxFiles: number;
}

/**
 * Editor forms: the CSRF field first, equal to the token the editor gate computed for this session (the gate
 * runs before the body is read: see editor/guard.ts). Anything else is refused before a file is read.
 */
export function csrfUploads(maxFiles: number): UploadGate {
  return {
    tokenField: csrfField,
    admits: (req, token) => {
      const expected = Buffer.from(req.csrfToken);
      const given = Buffer.from(token);
      return expected.length > 0 && given.length === expected.length && timingSafeEqual(given, expected);
    },
    otherwise: 'refuse',
    maxFiles,
  };
}

/** Public forms: their signed, time-stamped form token first; files of any other form are not kept. */
export function formTokenUploads(deps: {
  secret: string;
  clock: Clock;
  scope: number;
  minFillMs: number;
  maxFiles: number;
}): UploadGate {
  return {
    tokenField: 'token',
    admits: (_req, token) =>
      checkFormToken(deps.secret, token, deps.scope, deps.clock.now(), { minFillMs: deps.minFillMs })
        .verdict === 'ok',
    otherwise: 'drop-files',
    maxFiles: deps.maxFiles,
  };
}

/** The limits every multipart form shares; the file size is UPLOAD_MAX_MB. */
export const multipartLimits = { fields: 200, fieldSize: 200_000, parts: 210 } as const;

const multipartType = /^\s*multipart\//i;
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type BodyValue = string | UploadedFile;

function add(body: Record<string, BodyValue | BodyValue[]>, name: string, value: BodyValue): void {
  const existing = body[name];
  if (existing === undefined) body[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else body[name] = [existing, value];
}

/** Bytes an editor form may send before its token has been checked (the token's part is ~150). */
export const preTokenBudget = 8 * 1024;

/** Reads a gated multipart body into `request.body`: fields as strings, files as UploadedFile. */
async function readGated(req: FastifyRequest, gate: UploadGate, maxBytes: number): Promise<void> {
  const body: Record<string, BodyValue | BodyValue[]> = {};
  let admitted: boolean | undefined;
  // A field is only seen once it has ended, so a refusing gate also bounds what may come before the token.
  let seen = 0;
  let overBudget: (error: Error) => void = () => {};
  const budget = new Promise<never>((_, reject) => {
    overBudget = reject;
  });
  budget.catch(() => {});
  const count = (chunk: Buffer) => {
    seen += chunk.length;
    // Judged once the parser has had this chunk and the loop below its parts: one chunk often holds the
    // token and the start of the file.
    if (admitted === undefined && seen > preTokenBudget) {
      setImmediate(() => {
        if (admitted !== undefined) return;
        req.raw.pause();
        overBudget(
          httpError(403, 'OUTCRY_UPLOAD_TOKEN', 'no valid token at the start of the multipart form'),
        );
      });
    }
  };
  if (gate.otherwise === 'refuse') req.raw.on('data', count);
  const parts = req.parts({ limits: { ...multipartLimits, files: gate.maxFiles, fileSize: maxBytes } });
  try {
    for (;;) {
      const next = await Promise.race([parts.next(), budget]);
      if (next.done) break;
      const part = next.value;
      // Decided by the token field, or by the first file when no token came before it. A refusing gate
      // wants the token as the very first part (its forms put it there).
      const isToken = part.type === 'field' && part.fieldname === gate.tokenField;
      if (admitted === undefined && (isToken || part.type === 'file' || gate.otherwise === 'refuse')) {
        admitted = isToken && typeof part.value === 'string' && gate.admits(req, part.value);
        if (!admitted && gate.otherwise === 'refuse') {
          throw httpError(403, 'OUTCRY_UPLOAD_TOKEN', 'multipart form without a valid token first');
        }
      }
      if (part.type === 'field') {
        // A part declared application/json arrives parsed; forms send strings only.
        if (typeof part.value !== 'string') throw httpError(400, 'OUTCRY_MULTIPART_FIELD', 'non-text field');
        add(body, part.fieldname, part.value);
      } else if (admitted) {
        const bytes = await part.toBuffer();
        add(body, part.fieldname, new UploadedFile(bytes, part.filename, part.file.truncated));
      } else {
        // Read through without keeping: the form comes back with its error and the typed input.
        part.file.resume();
        await new Promise<void>((resolve, reject) => {
          part.file.once('end', resolve).once('error', reject);
        });
        if (part.filename) req.uploadsDropped = true;
      }
    }
  } catch (error) {
    const status = (error as { statusCode?: unknown }).statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) throw error;
    // The parser's own errors (no boundary, a wrong one, the body cut short) carry no status.
    throw httpError(400, 'OUTCRY_MULTIPART_MALFORMED', 'malformed multipart body');
  } finally {
    req.raw.off('data', count);
  }
  req.body = body;
}

export function registerUploadGate(app: FastifyInstance, options: { maxBytes: number }): void {
  app.decorateRequest('uploadsDropped', false);

  // Before the body is read: multipart anywhere but an upload route is refused.
  app.addHook('preParsing', (req: FastifyRequest, _reply: FastifyReply, payload, done) => {
    const type = req.headers['content-type'];
    if (
      bodyMethods.has(req.method) &&
      type !== undefined &&
      multipartType.test(type) &&
      req.routeOptions.config?.uploads === undefined
    ) {
      done(httpError(415, 'OUTCRY_MULTIPART_HERE', 'multipart is only taken by upload forms'), payload);
      return;
    }
    done(null, payload);
  });

  // On upload routes, a preValidation step after every other (so after the editor gate) reads the body.
  app.addHook('onRoute', (route: RouteOptions) => {
    const gate = route.config?.uploads;
    if (!gate) return;
    const read = async (req: FastifyRequest) => {
      if (req.isMultipart()) await readGated(req, gate, options.maxBytes);
    };
    const existing = route.preValidation ? ([] as unknown[]).concat(route.preValidation) : [];
    route.preValidation = [...(existing as (typeof read)[]), read];
  });
}
