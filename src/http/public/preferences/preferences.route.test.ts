// The unsubscribe link and the preferences page over HTTP: a GET never unsubscribes, the RFC 8058 one-click
// POST (form-encoded or multipart, no form token) unsubscribes from every list at once and says so; a link
// that is not ours, or whose person was erased, is a translated 404. The preferences page joins (consent
// box required, its words stored), leaves, moves and unsubscribes; refuses cross-site POSTs; and changes
// the address only from the link mailed to the new address, once, and not to an address someone else has.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { postPublic } from '../../../../test/sign-helpers.js';
import { confirmedSignup, listConsent } from '../../../../test/signup-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';
import { ListMemberRepository } from '../../../db/list-member.repository.js';
import { PrivacyRepository } from '../../../db/privacy.repository.js';
import { erasedEmailKey } from '../../../security/email-key.js';
import { listToken } from '../../../security/list-token.js';

describe.each(testDialects)('unsubscribe and preferences on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let lists: ListMemberRepository;
  appPerTest(dialect, { seed: false }, (app) => {
    ({ t, clock } = app);
    lists = new ListMemberRepository(t.db);
  });

  /** RFC 8058's one-click unsubscribe body. */
  const oneClickBody = { 'List-Unsubscribe': 'One-Click' };
  const consent = listConsent;

  /** A person subscribed to the English and Tagalog lists; their list token. */
  async function subscribed(email = 'mara@example.org') {
    const id = await confirmedSignup(lists, t.db, email, {
      name: 'Mara',
      listLocale: 'en',
      now: clock.now(),
    });
    await lists.join({ supporterId: id, locale: 'tl', consent, now: clock.now() });
    return { id, token: listToken(id, t.config.APP_SECRET) };
  }
  const statuses = async (id: number) =>
    (
      await t.db.kysely
        .selectFrom('list_members')
        .select(['locale', 'status'])
        .where('supporter_id', '=', id)
        .orderBy('locale')
        .execute()
    ).map((m) => `${m.locale}:${m.status}`);
  const withdrawals = async (id: number) =>
    (
      await t.db.kysely
        .selectFrom('consents')
        .select('withdrawn_via')
        .where('supporter_id', '=', id)
        .orderBy('id')
        .execute()
    ).map((k) => k.withdrawn_via);

  it('unsubscribes from every list with one POST and never with a GET', async () => {
    const { id, token } = await subscribed();
    const scanner = await t.app.inject({
      url: `/unsubscribe/${token}`,
      headers: { 'accept-language': 'ar' },
    });
    expect(scanner.statusCode).toBe(200);
    expect(scanner.body).toContain('dir="rtl"');
    expect(scanner.body).toContain('name="List-Unsubscribe" value="One-Click"');
    expect(await statuses(id)).toEqual(['en:subscribed', 'tl:subscribed']);

    const oneClick = await postPublic(t.app, `/unsubscribe/${token}`, oneClickBody);
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.body).toContain('You are unsubscribed');
    expect(await statuses(id)).toEqual(['en:unsubscribed', 'tl:unsubscribed']);
    expect(await withdrawals(id)).toEqual(['one-click', 'one-click']);
    // Again: harmless, the same answer.
    const again = await postPublic(t.app, `/unsubscribe/${token}`, oneClickBody);
    expect(again.statusCode).toBe(200);
  });

  it('takes the one-click POST as multipart too, as RFC 8058 prefers', async () => {
    const { id, token } = await subscribed();
    const boundary = 'outcryboundary';
    const res = await t.app.inject({
      method: 'POST',
      url: `/unsubscribe/${token}`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--${boundary}--\r\n`,
    });
    expect(res.statusCode).toBe(200);
    expect(await statuses(id)).toEqual(['en:unsubscribed', 'tl:unsubscribed']);
  });

  it('answers a link that is not ours, or whose person was erased, with a translated 404', async () => {
    const { id, token } = await subscribed();
    const forged = `${id}.${'A'.repeat(22)}`;
    for (const url of [`/unsubscribe/${forged}`, '/unsubscribe/nonsense', `/tl/preferences/${forged}`]) {
      const res = await t.app.inject({
        method: url.startsWith('/unsubscribe') ? 'POST' : 'GET',
        url,
        headers: { 'accept-language': 'tl' },
      });
      expect(res.statusCode).toBe(404);
      expect(res.body).toContain('Hindi wasto ang link na ito');
    }
    expect(await statuses(id)).toEqual(['en:subscribed', 'tl:subscribed']);
    await new PrivacyRepository(t.db).erase({
      supporterId: id,
      via: 'self',
      now: clock.now(),
      keyedHash: (c) => erasedEmailKey('s', c),
    });
    const gone = await postPublic(t.app, `/unsubscribe/${token}`, oneClickBody);
    expect(gone.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/en/preferences/${token}` })).statusCode).toBe(404);
  });

  it('shows the lists and lets the person join, leave, move and unsubscribe, recording each', async () => {
    const { id, token } = await subscribed();
    const base = `/en/preferences/${token}`;
    const page = await t.app.inject({ url: base });
    expect(page.statusCode).toBe(200);
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.body).toContain('Our campaign alerts go to mara@example.org.');
    // Intl names `tl` Filipino in English.
    expect(page.body).toContain('Leave the Filipino list');
    expect(page.body).toMatch(
      /<input id="consent" name="consent" type="checkbox" value="yes"(?! checked)[^>]*>/,
    );

    const post = (path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
      postPublic(t.app, `${base}/${path}`, fields, { headers });

    const unticked = await post('join', { list: 'fr' });
    expect(unticked.statusCode).toBe(422);
    expect(unticked.body).toContain('Tick the box to say you want these emails.');
    expect(await statuses(id)).toEqual(['en:subscribed', 'tl:subscribed']);

    const joined = await post('join', { list: 'fr', consent: 'yes' });
    expect(joined.statusCode).toBe(303);
    expect(joined.headers.location).toBe(`${base}?done=joined`);
    const frConsent = await t.db.kysely
      .selectFrom('consents')
      .select(['text', 'scope', 'locale'])
      .where('supporter_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(frConsent).toEqual({
      text: `Yes, email me ${t.config.SITE_NAME}'s campaign alerts in the language I chose. Every alert has a link to unsubscribe with one click.`,
      scope: 'list',
      locale: 'en',
    });
    expect((await t.app.inject({ url: `${base}?done=joined` })).body).toContain('You joined the list.');

    const crossSite = await post('leave', { list: 'fr' }, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect((await post('leave', { list: 'fr' })).statusCode).toBe(303);
    expect(await statuses(id)).toEqual(['en:subscribed', 'fr:unsubscribed', 'tl:subscribed']);

    expect((await post('move', { from: 'en', to: 'es' })).statusCode).toBe(303);
    expect((await post('move', { from: 'en', to: 'es' })).statusCode).toBe(400);
    expect(await statuses(id)).toEqual([
      'en:unsubscribed',
      'es:subscribed',
      'fr:unsubscribed',
      'tl:subscribed',
    ]);

    expect((await post('unsubscribe', {})).headers.location).toBe(`${base}?done=unsubscribed`);
    expect(await statuses(id)).toEqual([
      'en:unsubscribed',
      'es:unsubscribed',
      'fr:unsubscribed',
      'tl:unsubscribed',
    ]);
    // Four consents (English, Tagalog, French, and Spanish by the move), each withdrawn from this page.
    expect(await withdrawals(id)).toEqual(['preferences', 'preferences', 'preferences', 'preferences']);
    expect((await t.app.inject({ url: base })).body).toContain('You are not on any of our mailing lists.');
  });

  it('changes the address only from the link mailed to the new address, once, and never to one taken', async () => {
    const { id, token } = await subscribed();
    await subscribed('taken@example.org');
    const base = `/en/preferences/${token}`;
    const ask = (email: string) => postPublic(t.app, `${base}/address`, { email });

    const bad = await ask('x\r\nBcc: evil@example.org');
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('aria-invalid="true"');

    expect((await ask('Mara.New@example.org')).headers.location).toBe(`${base}?done=addressSent`);
    expect((await ask('Taken@example.org')).statusCode).toBe(303);
    const mail = await startMailWorker(t);
    let links: string[];
    try {
      await mail.drain();
      // The sign-ups' own confirmation mails went first.
      const changes = mail.sink.messages.filter((m) => m.parsed.text?.includes('/address/confirm'));
      expect(changes.map((m) => m.envelope.to[0])).toEqual(['Mara.New@example.org', 'Taken@example.org']);
      links = changes.map(
        (m) => /(\/en\/address\/confirm\?token=[A-Za-z0-9_.%-]+)/.exec(m.parsed.text ?? '')?.[1] ?? '',
      );
    } finally {
      await mail.close();
    }
    const [toNew, toTaken] = links;
    // Opening the link changes nothing.
    const opened = await t.app.inject({ url: toNew! });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Use this address');
    const tokenOf = (link: string) => decodeURIComponent(link.slice(link.indexOf('=') + 1));
    const press = (link: string) => postPublic(t.app, '/en/address/confirm', { token: tokenOf(link) });

    const taken = await press(toTaken!);
    expect(taken.statusCode).toBe(409);
    expect(taken.body).toContain('already on record with us for another supporter');

    const changed = await press(toNew!);
    expect(changed.statusCode).toBe(200);
    expect(changed.body).toContain('our emails now go to this address');
    const person = await lists.person(id);
    expect(person).toMatchObject({ email: 'Mara.New@example.org', emailCanonical: 'mara.new@example.org' });
    // The link is spent: the address it was made from is gone.
    expect((await press(toNew!)).statusCode).toBe(404);
    expect((await t.app.inject({ url: toNew! })).statusCode).toBe(404);
    // An expired link is refused too.
    clock.advance(3 * 86_400_000);
    expect((await press(toTaken!)).statusCode).toBe(404);
  });
});
