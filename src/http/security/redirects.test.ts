// Open redirects and broken Location headers (issue 19, items 4 and 11b): a value from the request that
// ends up in Location must never send the browser off-site, and a character Node refuses in a header must
// not turn the answer into a 500. Raw paths (`/\evil.com`) go over a real socket: inject() normalises them.
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../test/app-per-test.js';
import { testDialects } from '../../../test/db.js';
import { signedIn } from '../../../test/editor-helpers.js';
import { rawGet } from '../../../test/raw-http.js';
import type { TestApp } from '../../../test/test-app.js';

/** A Location that keeps the browser on this site: a path, not `//host` or `/\host`, printable ASCII. */
const onSite = (location: string | undefined) =>
  location === undefined || /^\/(?![/\\])[\x21-\x7e]*$/.test(location);

describe.each(testDialects)('redirects on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  appPerFile(dialect, async (app) => {
    t = app;
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });

  it('redirects a bare locale to its home page', async () => {
    const tl = await t.app.inject({ url: '/tl' });
    expect(tl.statusCode).toBe(301);
    expect(tl.headers.location).toBe('/tl/');
  });

  it.each([
    '/%2Fevil.com',
    '/%2F%2Fevil.com',
    '/%5Cevil.com',
    '/%0A',
    '/%00',
    '/%7F',
    '/%0D%0ASet-Cookie:%20a=b',
    '/%E2%80%A8',
    '/%C4%80',
    '/%F0%9F%98%80',
    '/evil.com',
    '/EN',
  ])('redirects nothing else: %j is the 404 page', async (url) => {
    const res = await t.app.inject({ url });
    expect({ url, status: res.statusCode, location: res.headers.location }).toEqual({
      url,
      status: 404,
      location: undefined,
    });
    expect(res.body).toContain('<html lang="en"');
  });

  it('never sends a raw path off-site over a real socket', async () => {
    for (const target of [
      '//evil.com',
      '/\\evil.com',
      '/%5C%5Cevil.com',
      '///evil.com',
      '/%2F%2Fevil.com/',
    ]) {
      const res = await rawGet(port, target);
      expect(res.status, target).toBeLessThan(500);
      expect(onSite(res.location), `${target} → ${res.location}`).toBe(true);
    }
  });

  it('keeps the editor login redirect on the editor area, whatever `next` holds', async () => {
    const editor = await signedIn(t, 'editor');
    for (const next of [
      '//evil.com',
      '/\\evil.com',
      'https://evil.com/editor',
      '/editor/%0D%0ALocation:%20//evil.com',
      '/editor/%0A',
      '/editor/%C4%80',
      '/editor/%7F',
      '/editor/%01',
      '/editor\\@evil.com',
    ]) {
      const res = await t.app.inject({
        url: `/editor/login?next=${encodeURIComponent(decodeURIComponent(next))}`,
        headers: { cookie: editor.cookie },
      });
      expect(res.statusCode, next).toBe(302);
      expect(res.headers.location, next).toBe('/editor');
    }
    // A NUL anywhere in a query is refused before any route reads it.
    const nul = await t.app.inject({
      url: '/editor/login?next=%2Feditor%2F%00',
      headers: { cookie: editor.cookie },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.headers.location).toBeUndefined();
    const kept = await t.app.inject({
      url: '/editor/login?next=%2Feditor%2Fcampaigns%3Fpage%3D2',
      headers: { cookie: editor.cookie },
    });
    expect(kept.headers.location).toBe('/editor/campaigns?page=2');
  });

  it('keeps the query string of an unprefixed campaign link on the site', async () => {
    for (const url of ['/campaigns/%2F%2Fevil.com', '/campaigns/x?next=//evil.com', '/campaigns/%0A']) {
      const res = await t.app.inject({ url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(onSite(res.headers.location), `${url} → ${res.headers.location}`).toBe(true);
    }
  });
});
