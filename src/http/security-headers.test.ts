import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security-headers.js';

const options: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], objectSrc: ["'none'"] },
  },
  crossOriginEmbedderPolicy: false,
  hsts: true,
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
};

async function appWith(register: (app: FastifyInstance) => Promise<void>) {
  const app = Fastify({ logger: false });
  await register(app);
  app.get('/page', (_req, reply) => reply.type('text/html').send('<p>hi</p>'));
  app.get('/fail', () => {
    throw new Error('boom');
  });
  app.get('/stream', (_req, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream' });
    reply.raw.end('data: 1\n\n');
  });
  await app.ready();
  return app;
}

describe('precomputed security headers', () => {
  it('are exactly the headers @fastify/helmet sets, on pages, 404s, errors and hijacked streams', async () => {
    const ours = await appWith((app) => registerSecurityHeaders(app, options));
    const theirs = await appWith(async (app) => {
      await app.register(helmet, options);
    });
    for (const url of ['/page', '/nowhere', '/fail', '/stream']) {
      const [a, b] = await Promise.all([ours.inject({ url }), theirs.inject({ url })]);
      expect(a.statusCode).toBe(b.statusCode);
      const { date: _a, ...oursHeaders } = a.headers;
      const { date: _b, ...theirHeaders } = b.headers;
      expect(oursHeaders).toEqual(theirHeaders);
      expect(a.rawPayload.equals(b.rawPayload)).toBe(true);
      expect(a.headers['content-security-policy']).toBe(
        "default-src 'self';frame-ancestors 'none';object-src 'none'",
      );
      expect(a.headers['strict-transport-security']).toMatch(/^max-age=/);
    }
    await ours.close();
    await theirs.close();
  });
});
