// The security headers (CSP, nosniff, frame-ancestors…) are the same on every response, but @fastify/helmet
// builds helmet's middleware anew for each request (parsing the CSP directives every time: 4–7 % of the CPU
// in the page and sign profiles). Here helmet runs once, at startup, on a probe request with the same
// options, and every response gets the headers it set, with the same values.
import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

/** The headers @fastify/helmet sets with these options, in the order it sets them. */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string | string[]][]> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, options);
  let headers: [string, string | string[]][] = [];
  // Runs after helmet's own onRequest hooks, which have set the headers on the raw response by then.
  probe.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    headers = res.getHeaderNames().map((name) => {
      const value = res.getHeader(name);
      return [name, typeof value === 'number' ? String(value) : (value ?? '')];
    });
    done();
  });
  probe.get('/', (_req, reply) => reply.send(''));
  await probe.inject({ url: '/' });
  await probe.close();
  if (headers.length === 0) throw new Error('helmet set no headers on the probe request');
  return headers;
}

/** Sets the precomputed headers on every response, including 404s, errors and hijacked (SSE) ones. */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: FastifyHelmetOptions,
): Promise<void> {
  const headers = await helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    done();
  });
}
