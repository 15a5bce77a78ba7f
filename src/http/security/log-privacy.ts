// What the request log may say. Fastify's default logs every client's IP and every URL whole, and URLs
// carry secrets (confirm, status, login-link, invitation, reset and partner report links): a log file, often shipped to
// another service and kept longer than the data, would hold what the database protects. Here requests are
// logged with their method, masked URL and status only, and every message and error has its URLs masked.
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

type LoggerConfig = Exclude<NonNullable<FastifyServerOptions['logger']>, boolean>;

/** Where log lines go (pino's destination: standard output unless a test passes its own). */
export interface LogDestination {
  write(line: string): void;
}

/** Path segments after which the next segment is a secret. */
const secretAfter = new Set([
  'confirm',
  'status',
  'invitation',
  'reset',
  'link',
  'unsubscribe',
  'preferences',
  'partner-report',
]);
/** Query keys whose values are secrets. */
const secretKey = /token|csrf|secret|password|key|sig|mac|code/i;

export const masked = '***';

/** The URL with its secret path segments and query values replaced by `***` (linear, no backtracking). */
export function maskUrl(url: string): string {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const segments = path.split('/');
  for (let i = 1; i < segments.length; i++) {
    if (secretAfter.has(segments[i - 1]!.toLowerCase()) && segments[i] !== '') segments[i] = masked;
  }
  if (q === -1) return segments.join('/');
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq !== -1 && secretKey.test(pair.slice(0, eq)) ? `${pair.slice(0, eq + 1)}${masked}` : pair;
    })
    .join('&');
  return `${segments.join('/')}?${query}`;
}

/** Free text (a log message, an error's message or stack) with every URL-like word masked. */
export function maskText(text: string): string {
  if (!text.includes('/') && !text.includes('?')) return text;
  return text
    .split(/(\s+)/)
    .map((word) => (word.includes('/') || word.includes('?') ? maskUrl(word) : word))
    .join('');
}

function maskError(err: Error & { code?: unknown; statusCode?: unknown }) {
  return {
    type: err.name,
    message: maskText(String(err.message)),
    stack: typeof err.stack === 'string' ? maskText(err.stack) : '',
    code: err.code,
    statusCode: err.statusCode,
  };
}

/** Fastify's logger options: no client address, masked URLs, masked messages and errors. */
export function privateLogger(options: { level: string; stream?: LogDestination }): LoggerConfig {
  const config: LoggerConfig = {
    level: options.level,
    serializers: {
      req: (req: FastifyRequest) => ({ method: req.method, url: maskUrl(req.url) }),
      err: maskError,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskText(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
  if (options.stream) config.stream = options.stream;
  return config;
}
