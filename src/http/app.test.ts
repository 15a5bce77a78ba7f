import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import type { TestApp } from '../../test/test-app.js';

describe.each(testDialects)('app on %s', (dialect) => {
  let t: TestApp;
  appPerFile(dialect, (app) => (t = app));

  it('reports health with the database dialect', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: dialect });
  });

  it('sends strict security headers', async () => {
    const res = await t.app.inject({ url: '/en/' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });

  it('lists live campaigns on the home page, negotiated by Accept-Language', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'accept-language': 'tl' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers.vary).toMatch(/Accept-Language/);
    expect(res.body).toContain('Kumilos ngayon');
    expect(res.body).toContain('Erlan Baltabay sinentensiyahan');
    // Belarus has no Tagalog translation: shown in English, marked.
    expect(res.body).toContain('Hindi pa naisasalin: ipinapakita sa Ingles');
    // Closed campaigns are not on the live list.
    expect(res.body).not.toContain('Zhanaozen');
  });

  it('serves the stylesheet locally', async () => {
    const res = await t.app.inject({ url: '/assets/site.css' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/css/);
  });

  it('answers oversized and malformed bodies with a translated 4xx, never a 500', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/tl/campaigns/kazakhstan-free-erlan-baltabay/sign',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `name=${'a'.repeat(1024 * 1024)}`,
    });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('Hindi namin mabasa ang kahilingang iyon');
    const badJson = await t.app.inject({
      method: 'POST',
      url: '/en/campaigns/kazakhstan-free-erlan-baltabay/sign',
      headers: { 'content-type': 'application/json' },
      payload: '{"__proto__": {"x": 1}, ',
    });
    expect(badJson.statusCode).toBeGreaterThanOrEqual(400);
    expect(badJson.statusCode).toBeLessThan(500);
  });

  it("answers error pages in each visitor's language, again and again (pages kept per language)", async () => {
    for (const round of [1, 2]) {
      const ar = await t.app.inject({ url: `/ar/campaigns/no-such-campaign-${round}` });
      expect(ar.statusCode).toBe(404);
      expect(ar.body).toContain('<html lang="ar" dir="rtl"');
      const en = await t.app.inject({ url: `/en/campaigns/no-such-campaign-${round}` });
      expect(en.statusCode).toBe(404);
      expect(en.body).toContain('We could not find that page');
      expect(en.headers['content-type']).toBe('text/html; charset=utf-8');
    }
  });
});
