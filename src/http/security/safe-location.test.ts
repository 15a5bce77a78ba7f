// The Location guard on its own: routes that put an off-site or malformed target in Location get the 404
// page instead, and ordinary redirects pass untouched.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isSafeLocation, registerLocationGuard } from './safe-location.js';

describe('Location guard', () => {
  it('tells paths on this site from everything else', () => {
    for (const ok of ['/', '/en/', '/editor?next=%2Feditor', '/tl/campaigns/x/thanks?confirm=1'])
      expect(isSafeLocation(ok), ok).toBe(true);
    for (const bad of [
      '//evil.com',
      '/\\evil.com',
      'https://evil.com/',
      'evil.com',
      '/a b',
      '/\n',
      '/\u0100',
      '',
    ])
      expect(isSafeLocation(bad), bad).toBe(false);
  });

  it('answers 404 without Location when a route redirects off-site or with a character Node refuses', async () => {
    const app = Fastify({ logger: false });
    registerLocationGuard(app, { name: 'Outcry', baseUrl: 'https://outcry.example.org' });
    app.get('/to', (req, reply) => reply.redirect((req.query as { u: string }).u, 302));
    for (const u of ['//evil.com/', '/\\evil.com', 'https://evil.com/', '/x\u0100', '/x\n']) {
      const res = await app.inject({ url: `/to?u=${encodeURIComponent(u)}` });
      expect(res.statusCode, u).toBe(404);
      expect(res.headers.location, u).toBeUndefined();
      expect(res.body, u).toContain('<html lang="en"');
    }
    const fine = await app.inject({ url: '/to?u=%2Fen%2F' });
    expect(fine.statusCode).toBe(302);
    expect(fine.headers.location).toBe('/en/');
    await app.close();
  });
});
