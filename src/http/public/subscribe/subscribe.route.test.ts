// The sign-up page over HTTP with the real worker mailing to an SMTP sink: a Tagalog page whose consent box
// is never ticked, a form sent too soon sent back with the input kept, the same answer for a new and an
// already subscribed address, a mailed link whose GET changes nothing and whose button subscribes, the
// consent stored in the words shown; bad input answered with translated errors and nothing stored; and a
// confirmed signature whose box was ticked putting its signer on the list of its language.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage } from '../../../../test/http-assertions.js';
import { ana, formBody, formToken, pageToken, postPublic, postSign } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('list sign-up on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  appPerTest(dialect, (app) => ({ t, clock } = app));

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const signupToken = (locale: string) => pageToken(t.app, `/${locale}/subscribe`);
  const post = (locale: string, fields: Record<string, string>, remoteAddress = '198.51.100.30') =>
    postPublic(t.app, `/${locale}/subscribe`, fields, { remoteAddress });
  const rosa = {
    email: 'Rosa.Luna@example.org',
    name: 'Rosa Luna',
    country: 'PH',
    list: 'tl',
    consent: 'yes',
  };
  const members = () =>
    t.db.kysely
      .selectFrom('list_members as m')
      .innerJoin('supporters as s', 's.id', 'm.supporter_id')
      .select(['s.email', 'm.locale', 'm.status', 'm.source', 'm.consent_id'])
      .orderBy('m.id')
      .execute();
  const linkIn = (text: string) => /\/tl\/subscribe\/confirm\/([A-Za-z0-9_-]+)/.exec(text)?.[1];

  it('signs up in Tagalog with double opt-in: a mailed link, a GET that changes nothing, a button that subscribes', async () => {
    const page = await t.app.inject({ url: '/tl/subscribe' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<html lang="tl"');
    expect(page.body).toMatch(
      /<input id="consent" name="consent" type="checkbox" value="yes"(?! checked)[^>]*>/,
    );
    expect(page.body).toMatch(/<option value="tl" selected/);

    const token = await signupToken('tl');
    const early = await post('tl', { ...rosa, token });
    expect(early.statusCode).toBe(422);
    expect(early.body).toContain('Napakabilis noon.');
    expect(early.body).toContain('value="Rosa.Luna@example.org"');
    expect(await members()).toEqual([]);

    clock.advance(10_000);
    const sent = await post('tl', { ...rosa, token });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe('/tl/subscribe/sent');
    expect(await members()).toEqual([
      expect.objectContaining({ locale: 'tl', status: 'pending', source: 'signup' }),
    ]);
    const consent = await t.db.kysely
      .selectFrom('consents')
      .selectAll()
      .where('scope', '=', 'list')
      .executeTakeFirstOrThrow();
    expect(consent).toMatchObject({ locale: 'tl', version: 'list-2026-12', withdrawn_at: null });
    expect(consent.text).toBe(
      `Oo, i-email sa akin ang mga panawagan ng kampanya ng ${t.config.SITE_NAME} sa wikang pinili ko. May link sa bawat panawagan para mag-unsubscribe sa isang click.`,
    );

    const mail = await startMailWorker(t);
    try {
      await mail.drain();
      const [message] = mail.sink.messages;
      expect(message?.envelope.to).toEqual(['Rosa.Luna@example.org']);
      expect(message?.parsed.subject).toContain('Kumpirmahin ang iyong pag-sign up');
      const link = linkIn(message?.parsed.text ?? '');
      expect(link).toBeDefined();
      // Only its hash is stored, and the finished job no longer holds it.
      const stored = await t.db.kysely.selectFrom('list_members').select('confirm_token_hash').execute();
      expect(JSON.stringify(stored)).not.toContain(link);
      const job = await t.db.kysely
        .selectFrom('jobs')
        .select('payload')
        .where('kind', '=', 'send-list-mail')
        .executeTakeFirstOrThrow();
      expect(job.payload).not.toContain(link);
      expect(job.payload).not.toContain('Rosa.Luna');

      const scanner = await t.app.inject({ url: `/tl/subscribe/confirm/${link}` });
      expect(scanner.statusCode).toBe(200);
      expect(scanner.body).toContain('Oo, isama ako sa listahan');
      expect(await members()).toEqual([expect.objectContaining({ status: 'pending' })]);

      const pressed = await t.app.inject({ method: 'POST', url: `/tl/subscribe/confirm/${link}` });
      expect(pressed.statusCode).toBe(200);
      expect(pressed.body).toContain('Kasama ka na sa listahan');
      // The button was pressed from the mail: the person's preferences page opens from here.
      const preferences = /href="(\/tl\/preferences\/[^"]+)"/.exec(pressed.body)?.[1];
      expect((await t.app.inject({ url: preferences! })).body).toContain('Rosa.Luna@example.org');
      expect(await members()).toEqual([
        expect.objectContaining({ status: 'subscribed', consent_id: consent.id }),
      ]);

      // The same answer for an address already on the list, from another network: nothing is revealed.
      const againToken = await signupToken('tl');
      clock.advance(10_000);
      const again = await post(
        'tl',
        { ...rosa, email: 'rosa.luna@EXAMPLE.org', token: againToken },
        '203.0.113.9',
      );
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(sent.headers.location);
      expect(await members()).toEqual([
        expect.objectContaining({ status: 'subscribed', consent_id: consent.id }),
      ]);
    } finally {
      await mail.close();
    }
  });

  it('answers bad input with translated errors, keeps it, and stores nothing', async () => {
    const token = await signupToken('ar');
    clock.advance(10_000);
    const res = await post('ar', { email: 'not-an-address', name: '', country: 'ZZ', list: 'xx', token });
    expectPage(res, 422, [
      'dir="rtl"',
      'value="not-an-address"',
      'ضع علامة في المربع',
      'اختر لغة من القائمة.',
    ]);
    expect(await members()).toEqual([]);
    expect(await t.db.kysely.selectFrom('consents').select('id').execute()).toEqual([]);

    // A repeated field arrives as an array: a translated 400, never a 500.
    const doubled = await t.app.inject({
      method: 'POST',
      url: '/ar/subscribe',
      headers: form,
      payload: `${formBody({ ...rosa, token })}&email=second@example.org`,
    });
    expect(doubled.statusCode).toBe(400);

    // A filled honeypot gets the normal answer; nothing is stored or sent.
    const botToken = await signupToken('en');
    clock.advance(10_000);
    const bot = await post('en', { ...rosa, list: 'en', website: 'http://spam.example', token: botToken });
    expect(bot.statusCode).toBe(303);
    expect(await members()).toEqual([]);
    expect(
      await t.db.kysely.selectFrom('jobs').select('id').where('kind', '=', 'send-list-mail').execute(),
    ).toEqual([]);
  });

  it('answers an unknown confirmation link with a translated 404 and a forged form token with the form again', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/en/subscribe/confirm/abcdefghijklmnopqrstuvwxyz',
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('This link is not valid.');
    const short = await t.app.inject({ url: '/tl/subscribe/confirm/x' });
    expect(short.statusCode).toBe(404);
    expect(short.body).toContain('Hindi wasto ang link na ito.');
    const forged = await post('en', { ...rosa, list: 'en', token: 'v1.-1.abc.def.ghi' });
    expect(forged.statusCode).toBe(422);
    expect(forged.body).toContain('This form has expired.');
    expect(await members()).toEqual([]);
  });

  it('puts the signer of a confirmed signature with the box ticked on the list of its language', async () => {
    const token = await formToken(t.app, 'tl');
    clock.advance(10_000);
    expect((await postSign(t.app, 'tl', { ...ana, token, alerts: 'yes' })).statusCode).toBe(303);
    expect(await members()).toEqual([]);
    const mail = await startMailWorker(t);
    try {
      await mail.drain();
      const link = /\/tl\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.sink.messages[0]?.parsed.text ?? '')?.[1];
      expect((await t.app.inject({ method: 'POST', url: `/tl/confirm/${link}` })).statusCode).toBe(200);
    } finally {
      await mail.close();
    }
    expect(await members()).toEqual([
      expect.objectContaining({ email: ana.email, locale: 'tl', status: 'subscribed', source: 'signature' }),
    ]);
  });
});
