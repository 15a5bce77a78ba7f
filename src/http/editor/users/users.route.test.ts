// Admin work on people and one's own account, through the real routes on each database: an invitation
// in Arabic followed from its mail to a working login, role changes, disabling, revoking sessions, the
// audit log of all of it (paged and filtered), and "my account".
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import {
  anonymousForm,
  type Browser,
  createPerson,
  get,
  goodPassword,
  type Person,
  personSignedIn,
  post,
  sessionCookie,
  sessionFor,
  signedIn,
} from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage, expectTexts } from '../../../../test/http-assertions.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { recordAudit } from '../../../db/audit.repository.js';

describe.each(testDialects)('accounts on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let admin: Person;

  appPerTest(dialect, { seed: false }, async (app) => {
    ({ t, clock } = app);
    admin = await createPerson(t, 'admin', { email: 'admin@example.org' });
  });

  const invite = (browser: Browser, email: string, role = 'editor', locale = 'en') =>
    post(t.app, '/editor/users/invite', browser, { email, role, locale });
  const audit = () => t.db.kysely.selectFrom('audit_events').selectAll().orderBy('id').execute();

  it('invites an editor in Arabic; the invitee sets name and password from the mail and is logged in', async () => {
    const browser = await sessionFor(t, admin);
    const mail = await startMailWorker(t);
    try {
      const res = await invite(browser, ' Nadia@Example.org ', 'editor', 'ar');
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe('/editor/users?done=invited');
      const list = await get(t.app, res.headers.location as string, browser);
      expectTexts(list.body, ['Invitation sent.', 'nadia@example.org', 'editor · invited']);

      expect(await mail.drain()).toBe(1);
      const [message] = await mail.sink.waitFor(1);
      expect(message!.parsed.subject).toBe('دعاك Admin Person إلى Outcry');
      expect(message!.parsed.text).toContain('بدور محرّر');
      expect(message!.parsed.headers.get('content-language')).toBe('ar');
      const link = /https:\/\/outcry\.example\.org(\/editor\/invitation\/[A-Za-z0-9_-]+)/.exec(
        message!.parsed.text ?? '',
      )![1]!;

      const page = await anonymousForm(t.app, link);
      expect(page.body).toContain('<html lang="ar" dir="rtl"');
      expect(page.body).toContain('nadia@example.org');
      const bad = await post(t.app, link, page, { name: ' ', password: 'nadia@example.org', locale: 'ar' });
      expect(bad.statusCode).toBe(422);
      expect(bad.body).toContain('يُرجى إدخال اسمك.');
      expect(bad.body).toContain('لا يمكن أن تكون كلمة المرور هي بريدك الإلكتروني.');
      const ok = await post(t.app, link, page, {
        name: 'Nadia Haddad',
        password: goodPassword,
        locale: 'ar',
      });
      expect(ok.statusCode).toBe(303);
      const home = await get(t.app, '/editor', { cookie: sessionCookie(ok), csrf: '' });
      expect(home.body).toContain('مرحبًا، Nadia Haddad');
      expect((await post(t.app, link, page, { name: 'X', password: goodPassword })).statusCode).toBe(410);

      const actions = (await audit()).map((e) => [e.action, e.actor_email, e.entity_id]);
      expect(actions).toEqual(
        expect.arrayContaining([
          ['user.invited', 'admin@example.org', expect.any(String)],
          ['user.invitation_accepted', 'nadia@example.org', expect.any(String)],
          ['session.started', 'nadia@example.org', expect.any(String)],
        ]),
      );
      expect(JSON.stringify(await audit())).not.toContain('argon2');
    } finally {
      await mail.close();
    }
  });

  it('explains a bad address and an existing account; inviting again replaces the old link', async () => {
    const browser = await sessionFor(t, admin);
    const bad = await invite(browser, 'not an email');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('Please enter one email address, like name@example.org.');
    expect(bad.body).toContain('value="not an email"');
    const exists = await invite(browser, 'admin@example.org');
    expect(exists.statusCode).toBe(422);
    expect(exists.body).toContain('This address already has an account.');
    const wrongRole = await invite(browser, 'x@example.org', 'owner');
    expect(wrongRole.statusCode).toBe(400);

    await invite(browser, 'sam@example.org', 'partner');
    const again = await invite(browser, 'sam@example.org', 'translator', 'tl');
    expect(again.headers.location).toBe('/editor/users?done=reinvited');
    const tokens = await t.db.kysely.selectFrom('account_tokens').select(['used_at']).orderBy('id').execute();
    expect(tokens.map((r) => r.used_at === null)).toEqual([false, true]);
    const sam = await t.db.kysely
      .selectFrom('users')
      .select(['role', 'locale'])
      .where('email', '=', 'sam@example.org')
      .executeTakeFirstOrThrow();
    expect(sam).toEqual({ role: 'translator', locale: 'tl' });
  });

  it('changes a role, disables (ending sessions), enables and revokes, each in the audit log', async () => {
    const browser = await sessionFor(t, admin);
    const editor = await createPerson(t, 'editor');
    const theirs = await sessionFor(t, editor);

    const role = await post(t.app, `/editor/users/${editor.id}/role`, browser, { role: 'translator' });
    expect(role.headers.location).toBe(`/editor/users/${editor.id}?done=role`);
    // The new role applies at the next request of their open session.
    expect((await get(t.app, '/editor/users', theirs)).statusCode).toBe(403);

    const disabled = await post(t.app, `/editor/users/${editor.id}/disable`, browser);
    expect(disabled.headers.location).toBe(`/editor/users/${editor.id}?done=disabled`);
    expect((await get(t.app, '/editor', theirs)).statusCode).toBe(302);
    const form = await anonymousForm(t.app, '/editor/login');
    const refused = await post(t.app, '/editor/login', form, { email: editor.email, password: goodPassword });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('This account has been disabled. Ask an admin.');

    expect((await post(t.app, `/editor/users/${editor.id}/enable`, browser)).statusCode).toBe(303);
    const back = await post(t.app, '/editor/login', form, { email: editor.email, password: goodPassword });
    expect(back.statusCode).toBe(303);
    const revoked = await post(t.app, `/editor/users/${editor.id}/revoke-sessions`, browser);
    expect(revoked.headers.location).toBe(`/editor/users/${editor.id}?done=revoked`);
    expect((await get(t.app, '/editor', { cookie: sessionCookie(back), csrf: '' })).statusCode).toBe(302);

    const page = await get(t.app, `/editor/users/${editor.id}?done=revoked`, browser);
    expect(page.body).toContain('All sessions of this account have ended.');
    expect(page.body).toContain('No open sessions.');

    const entries = (await audit()).filter(
      (e) => e.entity_id === String(editor.id) && e.actor_id === admin.id,
    );
    expect(entries.map((e) => e.action)).toEqual([
      'user.role_changed',
      'user.disabled',
      'user.enabled',
      'user.sessions_revoked',
    ]);
    expect(JSON.parse(entries[0]!.before_json!)).toEqual({ role: 'editor' });
    expect(JSON.parse(entries[0]!.after_json!)).toEqual({ role: 'translator' });
    expect(JSON.parse(entries[1]!.after_json!)).toMatchObject({ status: 'disabled' });
  });

  it('refuses an admin changing their own role or disabling themselves, and unknown accounts', async () => {
    const browser = await sessionFor(t, admin);
    const self = await post(t.app, `/editor/users/${admin.id}/role`, browser, { role: 'partner' });
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('You cannot change your own role or disable your own account');
    expect((await post(t.app, `/editor/users/${admin.id}/disable`, browser)).statusCode).toBe(409);
    expect((await get(t.app, '/editor', browser)).statusCode).toBe(200);
    expect((await get(t.app, '/editor/users/999999', browser)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/users/abc', browser)).statusCode).toBe(404);
    expect((await post(t.app, '/editor/users/999999/disable', browser)).statusCode).toBe(404);
  });

  it('lists the audit log newest first, 50 to a page, filtered by actor and by entity', async () => {
    const browser = await sessionFor(t, admin);
    const other = await createPerson(t, 'editor');
    for (let i = 0; i < 60; i++) {
      await recordAudit(t.db.kysely, {
        actor: i % 2 ? { id: other.id, email: other.email } : { id: admin.id, email: admin.email },
        action: 'campaign.edited',
        entityType: 'campaign',
        entityId: i % 3,
        before: { headline: `<b>v${i}</b>` },
        after: { headline: `v${i + 1}` },
        now: clock.now() + i,
      });
    }
    const first = await get(t.app, '/editor/audit?entityType=campaign', browser);
    expectPage(first, 200, ['60 entries', 'Page 1 of 2', '&lt;b>v59&lt;/b>']);
    expect(first.body).not.toContain('<b>v59</b>');
    const second = await get(t.app, '/editor/audit?entityType=campaign&page=2', browser);
    expect(second.body).toContain('Page 2 of 2');
    expect(second.body).toContain('v0');
    const byActor = await get(
      t.app,
      `/editor/audit?actor=${other.id}&entityType=campaign&entityId=1`,
      browser,
    );
    expect(byActor.body).toContain('10 entries');
    expect((await get(t.app, '/editor/audit?page=0', browser)).statusCode).toBe(400);
    expect((await get(t.app, '/editor/audit?actor=x', browser)).statusCode).toBe(400);
    const ar = await signedIn(t, 'admin', { email: 'ar@example.org', locale: 'ar' });
    const arabic = await get(t.app, '/editor/audit?entityType=campaign', ar);
    expect(arabic.body).toContain('سجل التدقيق');
    expect(arabic.body).toContain('الصفحة 1 من 2');
  });

  it('my account: name and language, password (current asked again), log out everywhere', async () => {
    const editor = await createPerson(t, 'editor');
    const browser = await sessionFor(t, editor);
    const phone = await sessionFor(t, editor);

    const profile = await post(t.app, '/editor/account/profile', browser, {
      name: 'Maria Santos',
      locale: 'tl',
    });
    expect(profile.headers.location).toBe('/editor/account?done=profile');
    const page = await get(t.app, '/editor/account?done=profile', browser);
    expectTexts(page.body, ['<html lang="tl"', 'Nai-save na.', 'Naka-log in sa 2 na device o browser.']);
    const empty = await post(t.app, '/editor/account/profile', browser, { name: '', locale: 'tl' });
    expect(empty.statusCode).toBe(422);
    expect(empty.body).toContain('Pakilagay ang iyong pangalan.');
    expect(
      (await post(t.app, '/editor/account/profile', browser, { name: 'X', locale: 'xx' })).statusCode,
    ).toBe(400);

    const wrong = await post(t.app, '/editor/account/password', browser, {
      current: 'nope',
      password: 'a new long password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Hindi ito ang iyong kasalukuyang password.');
    const changed = await post(t.app, '/editor/account/password', browser, {
      current: goodPassword,
      password: 'a new long password',
    });
    expect(changed.headers.location).toBe('/editor/account?done=password');
    expect((await get(t.app, '/editor', browser)).statusCode).toBe(200);
    expect((await get(t.app, '/editor', phone)).statusCode).toBe(302);

    const laptop = await sessionFor(t, editor);
    const everywhere = await post(t.app, '/editor/account/logout-everywhere', browser);
    expect(everywhere.headers.location).toBe('/editor/login?done=everywhere');
    expect((await get(t.app, '/editor', browser)).statusCode).toBe(302);
    expect((await get(t.app, '/editor', laptop)).statusCode).toBe(302);
    const login = await get(t.app, '/editor/login?done=everywhere');
    expect(login.body).toContain('You have been logged out everywhere.');

    const actions = (await audit()).filter((e) => e.actor_id === editor.id).map((e) => e.action);
    expect(actions).toEqual(['user.profile_changed', 'user.password_changed', 'user.sessions_revoked']);
  });

  it('my account: guessing the current password is throttled like logging in, and then nothing is checked', async () => {
    const { person: editor, browser } = await personSignedIn(t, 'editor');
    const change = (current: string) =>
      post(t.app, '/editor/account/password', browser, { current, password: 'a new long password' });
    for (let i = 0; i < 10; i++) expect((await change(`guess ${i}`)).statusCode).toBe(422);
    // Over the limit even the right password is not checked, at the login form neither.
    const over = await change(goodPassword);
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('Too many wrong attempts. Please wait 15 minutes and try again.');
    const form = await anonymousForm(t.app, '/editor/login');
    const login = await post(t.app, '/editor/login', form, { email: editor.email, password: goodPassword });
    expect(login.statusCode).toBe(429);
    clock.advance(15 * 60_000);
    expect((await change(goodPassword)).headers.location).toBe('/editor/account?done=password');
  });
});
