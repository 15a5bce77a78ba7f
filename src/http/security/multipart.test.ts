// Multipart only where a form uploads, and only after its checks (issue 19, items 3 and 11a): a malformed
// multipart body on any POST URL is a 4xx logged below error level, and a large one is answered before it
// has arrived when the route takes none, the visitor is not signed in, or the CSRF token is not first and
// right. The "before it arrived" cases run over real sockets: announce 32 MB, send a few bytes, wait.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nursesRequest, picture, postRequest } from '../../../test/campaign-request-helpers.js';
import { testDialects } from '../../../test/db.js';
import { signedIn } from '../../../test/editor-helpers.js';
import { answerBeforeBody } from '../../../test/raw-http.js';
import { erlan } from '../../../test/sign-helpers.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { preTokenBudget } from './multipart.js';

const photoUrl = `/editor/campaigns/${erlan}/edit/photo`;
const postUrls = [
  `/en/campaigns/${erlan}/sign`,
  '/en/request',
  '/editor/login',
  photoUrl,
  `/en/confirm/${'a'.repeat(32)}`,
  '/no/such/page',
];

const part = (name: string, value: string, boundary = 'xyz') =>
  `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
const malformed: { type: string; body: string }[] = [
  { type: 'multipart/form-data; boundary=nope', body: `${part('name', 'Ana')}--xyz--\r\n` },
  { type: 'multipart/form-data', body: `${part('name', 'Ana')}--xyz--\r\n` },
  { type: 'multipart/form-data; boundary=xyz', body: part('name', 'Ana') },
  { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nContent-Disposition: form-data\r\n\r\nx' },
  { type: 'multipart/form-data; boundary=xyz', body: 'not multipart at all' },
  { type: 'multipart/mixed; boundary=xyz', body: `${part('name', 'Ana')}--xyz--\r\n` },
];

describe.each(testDialects)('multipart bodies on %s', (dialect) => {
  let t: TestApp;
  let port: number;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestApp(dialect, {}, { log: { write: (line) => void lines.push(line) } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => t.close());

  it('answers a malformed multipart body 4xx on every POST URL and logs no error', async () => {
    const editor = await signedIn(t, 'editor');
    lines.length = 0;
    for (const url of postUrls) {
      for (const { type, body } of malformed) {
        for (const cookie of [undefined, editor.cookie]) {
          const res = await t.app.inject({
            method: 'POST',
            url,
            headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
            payload: body,
          });
          expect(res.statusCode, `${url} ${type} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(300);
          expect(res.statusCode, `${url} ${type} ${JSON.stringify(body)}`).toBeLessThan(500);
        }
      }
    }
    // A signed-in editor's well-formed upload with its token first but cut short: 400.
    const cut = await t.app.inject({
      method: 'POST',
      url: photoUrl,
      headers: { 'content-type': 'multipart/form-data; boundary=xyz', cookie: editor.cookie },
      payload: `${part('_csrf', editor.csrf)}--xyz\r\nContent-Disposition: form-data; name="photo"; filename="a.jpg"\r\n\r\nxx`,
    });
    expect(cut.statusCode).toBe(400);
    const levels = lines.map((l) => (JSON.parse(l) as { level: number }).level);
    expect(levels.filter((level) => level >= 50)).toEqual([]);
  });

  it('keeps no file of a public request form whose token is missing or forged, and says so', async () => {
    const count = async () =>
      (await t.db.kysely.selectFrom('campaign_requests').select('id').execute()).length;
    const before = await count();
    for (const token of [undefined, 'v1.0.abc.def.forged']) {
      const res = await postRequest(
        t.app,
        'en',
        { ...(token ? { token } : {}), ...nursesRequest, termsVersion: '1' },
        { logo: await picture(300, 120) },
      );
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain('please choose the logo and the photo again');
      expect(res.body).toContain('value="Kim Ji-young"');
    }
    expect(await count()).toBe(before);
  });

  it('takes an editor upload over a real connection, the token and the file in one chunk', async () => {
    const editor = await signedIn(t, 'editor', { email: 'e3@example.org' });
    // Noise, so that the picture is larger than what may come before the token.
    const photo = await sharp({
      create: {
        width: 600,
        height: 400,
        channels: 3,
        background: '#8a0d14',
        noise: { type: 'gaussian', mean: 128, sigma: 30 },
      },
    })
      .jpeg()
      .toBuffer();
    const form = new FormData();
    form.append('_csrf', editor.csrf);
    form.append('photo', new Blob([new Uint8Array(photo)]), 'erlan.jpg');
    form.append('alt', 'Erlan Baltabay at a union meeting');
    const res = await fetch(`http://127.0.0.1:${port}${photoUrl}`, {
      method: 'POST',
      body: form,
      headers: { cookie: editor.cookie, 'sec-fetch-site': 'same-origin' },
      redirect: 'manual',
    });
    expect(photo.length).toBeGreaterThan(preTokenBudget);
    expect(res.status).toBe(303);
  });

  it('answers a 32 MB multipart body before it has arrived where it does not belong', async () => {
    const type = { 'content-type': 'multipart/form-data; boundary=xyz' };
    const start = part('name', 'Ana');
    const big = 32 * 1024 * 1024;
    expect(await answerBeforeBody(port, `/en/campaigns/${erlan}/sign`, type, big, start)).toBe('415');
    expect(await answerBeforeBody(port, '/editor/login', type, big, start)).toBe('415');
    expect(await answerBeforeBody(port, '/en/privacy', type, big, start)).toBe('415');
    // An upload route, but nobody signed in: sent to the login page.
    expect(await answerBeforeBody(port, photoUrl, type, big, start)).toBe('302');
    // Signed in, but without permission to edit.
    const translator = await signedIn(t, 'translator');
    expect(await answerBeforeBody(port, photoUrl, { ...type, cookie: translator.cookie }, big, start)).toBe(
      '403',
    );
    // Signed in and allowed, but the first part is a forged CSRF token, or the first 8 KB hold none.
    const editor = await signedIn(t, 'editor', { email: 'e2@example.org' });
    const cookie = { ...type, cookie: editor.cookie };
    expect(await answerBeforeBody(port, photoUrl, cookie, big, `${part('_csrf', 'forged')}--xyz`)).toBe(
      '403',
    );
    const stuffed = `--xyz\r\nContent-Disposition: form-data; name="alt"\r\n\r\n${'a'.repeat(preTokenBudget)}`;
    expect(await answerBeforeBody(port, photoUrl, cookie, big, stuffed)).toBe('403');
    // From another site, whatever the token.
    const cross = { ...cookie, 'sec-fetch-site': 'cross-site' };
    expect(await answerBeforeBody(port, photoUrl, cross, big, part('_csrf', editor.csrf))).toBe('403');
  });
});
