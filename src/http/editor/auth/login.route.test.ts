// Logging in and out through the real routes on each database: passwords, the login link by email (its
// mail followed), password reset, throttling with translated messages, cookie flags, and session expiry
// on an injected clock.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  anonymousForm,
  createPerson,
  get,
  goodPassword,
  post,
  sessionCookie,
  sessionFor,
  setCookies,
  signedIn,
} from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { formBody } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('logging in on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;

  appPerTest(dialect, { seed: false }, (app) => ({ t, clock } = app));

  const logIn = async (
    email: string,
    password: string,
    ip = '198.51.100.20',
    extra: Record<string, string> = {},
  ) => {
    const form = await anonymousForm(t.app, '/editor/login');
    return t.app.inject({
      method: 'POST',
      url: '/editor/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: form.cookie, ...extra },
      payload: formBody({ _csrf: form.csrf, email, password }),
      remoteAddress: ip,
    });
  };
  const linkIn = (text: string | undefined, path: string) =>
    new RegExp(`https://outcry\\.example\\.org(${path}[A-Za-z0-9_-]+)`).exec(text ?? '')?.[1];

  it('logs in with the right password: a safe cookie, a hashed session, the start page in their language', async () => {
    await createPerson(t, 'editor', { locale: 'tl' });
    const res = await logIn('Editor@Example.org ', goodPassword);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/editor');
    const cookie = setCookies(res).get('__Host-outcry_session')!;
    expect(cookie.raw).toMatch(/HttpOnly/);
    expect(cookie.raw).toMatch(/Secure/);
    expect(cookie.raw).toMatch(/SameSite=Lax/);
    expect(cookie.raw).toMatch(/Path=\//);
    const stored = await t.db.kysely.selectFrom('sessions').select(['id', 'csrf_secret']).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).toBe(createHash('sha256').update(cookie.value).digest('hex'));
    expect(stored[0]!.csrf_secret).toHaveLength(43);

    const home = await get(t.app, '/editor', { cookie: sessionCookie(res), csrf: '' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('Kumusta, Editor Person');
    expect(home.body).toContain('Naka-sign in ka bilang editor.');
    expect(home.headers['cache-control']).toBe('no-store');
  });

  it('returns to the page asked for, but never to another site', async () => {
    await createPerson(t, 'admin');
    const first = await get(t.app, '/editor/users');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/editor/login?next=%2Feditor%2Fusers');
    const form = await anonymousForm(t.app, '/editor/login?next=%2Feditor%2Fusers');
    expect(form.body).toContain('name="next" value="/editor/users"');
    const ok = await post(t.app, '/editor/login', form, {
      email: 'admin@example.org',
      password: goodPassword,
      next: '/editor/users',
    });
    expect(ok.headers.location).toBe('/editor/users');
    for (const next of [
      '//evil.example/editor',
      'https://evil.example/',
      '/editor//evil.example',
      '/\\evil.example',
    ]) {
      const form2 = await anonymousForm(t.app, '/editor/login');
      const res = await post(t.app, '/editor/login', form2, {
        email: 'admin@example.org',
        password: goodPassword,
        next,
      });
      expect(res.headers.location, next).toBe('/editor');
    }
  });

  it.each([
    ['en', 'The email address or password is not right.'],
    ['ar', 'البريد الإلكتروني أو كلمة المرور غير صحيحة.'],
    ['tl', 'Mali ang email address o password.'],
  ])(
    'says the same translated thing in %s for a wrong password and an unknown address',
    async (locale, message) => {
      await createPerson(t, 'editor');
      for (const [email, password] of [
        ['editor@example.org', 'wrong password here'],
        ['nobody@example.org', goodPassword],
        ['', ''],
      ]) {
        const res = await logIn(email!, password!, '198.51.100.20', { 'accept-language': locale });
        expect(res.statusCode).toBe(401);
        expect(res.body).toContain(message);
        if (email) expect(res.body).toContain(`value="${email}"`);
        expect(setCookies(res).has('__Host-outcry_session')).toBe(false);
      }
      expect(await t.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
    },
  );

  it('throttles an account after 10 failures, from any network, until the window passes', async () => {
    await createPerson(t, 'editor');
    for (let i = 0; i < 10; i++)
      expect((await logIn('editor@example.org', `wrong ${i}`, `203.0.113.${i}`)).statusCode).toBe(401);
    const blocked = await logIn('editor@example.org', goodPassword, '192.0.2.1', { 'accept-language': 'ar' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.body).toContain('محاولات كثيرة جدًا');
    // Another account on the same networks is not affected.
    await createPerson(t, 'translator');
    expect((await logIn('translator@example.org', goodPassword, '203.0.113.1')).statusCode).toBe(303);
    clock.advance(15 * 60_000 + 1);
    expect((await logIn('editor@example.org', goodPassword, '192.0.2.1')).statusCode).toBe(303);
    // The throttle table keeps keyed hashes, never addresses.
    const keys = await t.db.kysely.selectFrom('login_attempts').select('key_hash').execute();
    expect(JSON.stringify(keys)).not.toMatch(/example\.org|203\.0/);
  });

  it('throttles a network after 50 failures across accounts, with the translated message', async () => {
    await createPerson(t, 'editor');
    for (let i = 0; i < 50; i++) await logIn(`guess${i}@example.org`, 'wrong password', '198.51.100.99');
    const res = await logIn('editor@example.org', goodPassword, '198.51.100.99');
    expect(res.statusCode).toBe(429);
    expect(res.body).toContain('Too many attempts. Please wait 15 minutes, or log in with a link by email.');
    expect((await logIn('editor@example.org', goodPassword, '198.51.100.100')).statusCode).toBe(303);
  });

  it('logs in by an emailed link: the GET changes nothing, the POST logs in once, the link expires', async () => {
    await createPerson(t, 'partner', { locale: 'ar' });
    const mail = await startMailWorker(t);
    try {
      const form = await anonymousForm(t.app, '/editor/login/email');
      const asked = await post(t.app, '/editor/login/email', form, { email: 'partner@example.org' });
      expect(asked.statusCode).toBe(200);
      expect(asked.body).toContain('If this address has an account, a login link is on its way.');
      const unknown = await post(t.app, '/editor/login/email', form, { email: 'nobody@example.org' });
      expect(unknown.body).toContain('If this address has an account, a login link is on its way.');
      // Two requests looked up in the worker, one mail to the account that exists.
      expect(await mail.drain()).toBe(3);
      const [message] = await mail.sink.waitFor(1);
      expect(message!.parsed.subject).toBe('رابط الدخول إلى Outcry');
      expect(message!.envelope.to).toEqual(['partner@example.org']);
      const link = linkIn(message!.parsed.text, '/editor/login/link/')!;
      expect(link).toBeDefined();
      const stored = await t.db.kysely.selectFrom('account_tokens').select('token_hash').execute();
      expect(stored[0]!.token_hash).not.toContain(link.split('/').at(-1));

      const page = await t.app.inject({ url: link });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('partner@example.org');
      expect(await t.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);

      const button = await anonymousForm(t.app, link);
      const inside = await post(t.app, link, button);
      expect(inside.statusCode).toBe(303);
      expect(inside.headers.location).toBe('/editor');
      const again = await post(t.app, link, button);
      expect(again.statusCode).toBe(410);
      expect(again.body).toContain('This link no longer works');

      await post(t.app, '/editor/login/email', form, { email: 'partner@example.org' });
      await mail.drain();
      const [, second] = await mail.sink.waitFor(2);
      const late = linkIn(second!.parsed.text, '/editor/login/link/')!;
      clock.advance(15 * 60_000);
      expect((await t.app.inject({ url: late })).statusCode).toBe(410);
      expect((await post(t.app, late, button)).statusCode).toBe(410);
    } finally {
      await mail.close();
    }
  });

  it('sends at most 3 link mails per address in the window, answering the same each time', async () => {
    await createPerson(t, 'editor');
    const form = await anonymousForm(t.app, '/editor/reset');
    for (let i = 0; i < 5; i++) {
      const res = await post(t.app, '/editor/reset', form, { email: 'editor@example.org' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('a link to choose a new password is on its way');
    }
    const jobs = await t.db.kysely.selectFrom('jobs').select('kind').execute();
    expect(jobs).toEqual([
      { kind: 'issue-account-link' },
      { kind: 'issue-account-link' },
      { kind: 'issue-account-link' },
    ]);
  });

  it('does the same work for a link request whether or not the address has an account', async () => {
    await createPerson(t, 'editor');
    const form = await anonymousForm(t.app, '/editor/reset');
    const written = async (email: string) => {
      const before = await t.db.kysely.selectFrom('jobs').select('id').execute();
      const res = await post(t.app, '/editor/reset', form, { email });
      expect(res.statusCode).toBe(200);
      const jobs = await t.db.kysely
        .selectFrom('jobs')
        .select(['kind', 'payload'])
        .where('id', 'not in', before.length > 0 ? before.map((b) => b.id) : [0])
        .execute();
      return {
        body: res.body.replace(email, '…'),
        jobs: jobs.map((j) => ({ kind: j.kind, fields: Object.keys(JSON.parse(j.payload)) })),
        tokens: (await t.db.kysely.selectFrom('account_tokens').select('id').execute()).length,
        throttleRows: (await t.db.kysely.selectFrom('login_attempts').select('key_hash').execute()).length,
      };
    };
    const known = await written('editor@example.org');
    const unknown = await written('nobody@example.org');
    // The same page, one job of the same shape each, no token yet, the same throttle rows added.
    expect(unknown.body).toBe(known.body);
    expect(known.jobs).toEqual([{ kind: 'issue-account-link', fields: ['purpose', 'email'] }]);
    expect(unknown.jobs).toEqual(known.jobs);
    expect([known.tokens, unknown.tokens]).toEqual([0, 0]);
    expect(unknown.throttleRows - known.throttleRows).toBe(2);
  });

  it('resets a password by email: the old one stops working and every session ends', async () => {
    const person = await createPerson(t, 'editor');
    const elsewhere = await sessionFor(t, person);
    const mail = await startMailWorker(t);
    try {
      const form = await anonymousForm(t.app, '/editor/reset');
      await post(t.app, '/editor/reset', form, { email: 'editor@example.org' });
      await mail.drain();
      const [message] = await mail.sink.waitFor(1);
      expect(message!.parsed.subject).toBe('Choose a new password for Outcry');
      const link = linkIn(message!.parsed.text, '/editor/reset/')!;
      const page = await anonymousForm(t.app, link);
      const short = await post(t.app, link, page, { password: 'short' });
      expect(short.statusCode).toBe(422);
      expect(short.body).toContain('Please use at least 12 characters.');
      const done = await post(t.app, link, page, { password: 'a brand new long password' });
      expect(done.statusCode).toBe(303);
      expect((await get(t.app, '/editor', elsewhere)).statusCode).toBe(302);
      expect((await get(t.app, '/editor', { cookie: sessionCookie(done), csrf: '' })).statusCode).toBe(200);
      expect((await logIn('editor@example.org', goodPassword)).statusCode).toBe(401);
      expect((await logIn('editor@example.org', 'a brand new long password')).statusCode).toBe(303);
      expect((await post(t.app, link, page, { password: 'yet another long password' })).statusCode).toBe(410);
    } finally {
      await mail.close();
    }
  });

  it('ends a session after 8 idle hours, and after 14 days however active it is', async () => {
    const person = await createPerson(t, 'editor');
    const idle = await sessionFor(t, person);
    clock.advance(8 * 3_600_000 - 1_000);
    expect((await get(t.app, '/editor', idle)).statusCode).toBe(200);
    clock.advance(8 * 3_600_000);
    const expired = await get(t.app, '/editor', idle);
    expect(expired.statusCode).toBe(302);
    expect(setCookies(expired).get('__Host-outcry_session')?.value).toBe('');

    const busy = await sessionFor(t, person);
    for (let hours = 0; hours < 14 * 24; hours += 6) {
      clock.advance(6 * 3_600_000);
      const res = await get(t.app, '/editor', busy);
      expect(res.statusCode, `after ${hours + 6} hours`).toBe(hours + 6 < 14 * 24 ? 200 : 302);
    }
  });

  it('logs out: the session row is gone and the cookie no longer works', async () => {
    const browser = await signedIn(t, 'translator');
    const res = await post(t.app, '/editor/logout', browser);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/editor/login');
    expect(await t.db.kysely.selectFrom('sessions').selectAll().execute()).toEqual([]);
    expect((await get(t.app, '/editor', browser)).statusCode).toBe(302);
  });

  it('refuses a login form posted without its cookie, with a wrong token, or from another site', async () => {
    await createPerson(t, 'editor');
    const form = await anonymousForm(t.app, '/editor/login');
    const fields = { email: 'editor@example.org', password: goodPassword };
    expect((await post(t.app, '/editor/login', { cookie: '', csrf: form.csrf }, fields)).statusCode).toBe(
      403,
    );
    expect((await post(t.app, '/editor/login', { ...form, csrf: `${form.csrf}x` }, fields)).statusCode).toBe(
      403,
    );
    const cross = await post(t.app, '/editor/login', form, fields, { origin: 'https://evil.example' });
    expect(cross.statusCode).toBe(403);
    expect(cross.body).toContain('For your safety, nothing was changed.');
    expect(
      (await post(t.app, '/editor/login', form, fields, { origin: 'https://outcry.example.org' })).statusCode,
    ).toBe(303);
  });

  it('answers repeated fields and absurd bodies with the 400 page, not a 500', async () => {
    const form = await anonymousForm(t.app, '/editor/login');
    expect(
      (await post(t.app, '/editor/login', form, { email: ['a@example.org', 'b@example.org'], password: 'x' }))
        .statusCode,
    ).toBe(400);
    expect((await post(t.app, '/editor/login', form, { email: 'x'.repeat(5_000) })).statusCode).toBe(400);
    expect((await post(t.app, '/editor/login', form, { __proto__: 'x', constructor: 'y' })).statusCode).toBe(
      401,
    );
  });
});
