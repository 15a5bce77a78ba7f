// Bodies whose encoding is broken or not what they claim (issue 19, item 11c): invalid UTF-8, overlong
// sequences and lone surrogates in sign fields were stored as U+FFFD; now the form comes back 422 with a
// translated error at the field and the rest of the input kept. A compressed body is refused (415) rather
// than parsed as if it were plain, and a NUL anywhere 400. Nothing is stored in any case.
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { testDialects } from '../../../test/db.js';
import type { FakeClock } from '../../../test/fake-clock.js';
import { ana, erlan, formBody, formToken } from '../../../test/sign-helpers.js';
import type { TestApp } from '../../../test/test-app.js';

describe.each(testDialects)('body encodings on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let token: string;
  const signatures = async () => (await t.db.kysely.selectFrom('signatures').select('id').execute()).length;
  const post = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: `/en/campaigns/${erlan}/sign`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload,
      remoteAddress: '198.51.100.7',
    });
  /** The sign form's fields with one of them replaced by raw percent-encoded bytes. */
  const withRaw = (field: keyof typeof ana, encoded: string) =>
    `${formBody({ token, ...ana, [field]: 'X' })}`.replace(`${field}=X`, `${field}=${encoded}`);

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    token = await formToken(t.app, 'en');
    clock.advance(20_000);
  });

  it('refuses invalid UTF-8, overlong forms and lone surrogates with the field error, input kept', async () => {
    const before = await signatures();
    const cases: [keyof typeof ana, string, string][] = [
      ['name', 'Ana%FFSouza', 'Your name contains characters we cannot send.'],
      ['name', 'Ana%ED%A0%80', 'Your name contains characters we cannot send.'],
      ['name', '%C0%AFAna', 'Your name contains characters we cannot send.'],
      ['union', 'CUT%F0%9F', "Your union's name contains characters we cannot send."],
      ['email', 'ana%FE@example.org', 'Please enter one email address'],
      ['message', 'Free%E0%80%AFErlan', 'Your message contains characters we cannot send.'],
      ['message', 'Free%ED%B0%80Erlan', 'Your message contains characters we cannot send.'],
    ];
    for (const [field, encoded, error] of cases) {
      const res = await post(withRaw(field, encoded));
      expect(res.statusCode, `${field}=${encoded}`).toBe(422);
      expect(res.body, `${field}=${encoded}`).toContain(error);
      // The other fields come back as typed.
      if (field !== 'name') expect(res.body).toContain('value="Ana Souza"');
      if (field !== 'email') expect(res.body).toContain('value="ana.souza@example.org"');
    }
    // Raw bytes that are not UTF-8, not percent-encoded at all.
    const { union: _typed, ...others } = ana;
    const raw = Buffer.concat([
      Buffer.from(formBody({ token, ...others })),
      Buffer.from('&union='),
      Buffer.from([0xc3, 0x28, 0xff]),
    ]);
    const rawRes = await post(raw);
    expect(rawRes.statusCode).toBe(422);
    expect(rawRes.body).toContain("Your union's name contains characters we cannot send.");
    expect(await signatures()).toBe(before);
  });

  it('refuses a lone surrogate sent as JSON', async () => {
    const before = await signatures();
    const res = await post(JSON.stringify({ token, ...ana, name: 'Ana \ud800' }), {
      'content-type': 'application/json',
    });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(await signatures()).toBe(before);
  });

  it('refuses a NUL in a field or a query value (PostgreSQL refuses it in text: it was a 500)', async () => {
    const page = await t.app.inject({ url: '/editor/reset' });
    const cookie = ([] as string[])
      .concat(page.headers['set-cookie'] ?? [])
      .map((c) => c.split(';')[0])
      .join('; ');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    for (const url of ['/editor/reset', '/editor/login/email', '/editor/login']) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
        payload: `_csrf=${encodeURIComponent(csrf)}&email=a%00b%40example.org&password=x`,
      });
      expect(res.statusCode, url).toBe(400);
    }
    const sign = await post(withRaw('name', 'Ana%00'));
    expect(sign.statusCode).toBe(400);
    expect((await t.app.inject({ url: `/en/campaigns/${erlan}?src=%00` })).statusCode).toBe(400);
  });

  it('refuses a compressed body rather than reading it as plain, and takes identity', async () => {
    const before = await signatures();
    const body = formBody({ token, ...ana });
    for (const encoding of ['gzip', 'deflate', 'br', 'x-unknown']) {
      const res = await post(gzipSync(body), { 'content-encoding': encoding });
      expect(res.statusCode, encoding).toBe(415);
      const plain = await post(body, { 'content-encoding': encoding });
      expect(plain.statusCode, `plain ${encoding}`).toBe(415);
    }
    expect(await signatures()).toBe(before);
    const identity = await post(body, { 'content-encoding': 'identity' });
    expect(identity.statusCode).toBe(303);
  });
});
