// Signing through the real routes, on each database: the confirm-first journey with the mails that
// arrive, field errors in two languages, hostile input, duplicates, bots, and concurrency.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { ana, erlan, formToken, postSign } from '../../../../test/sign-helpers.js';
import { startMailWorker, type TestApp } from '../../../../test/test-app.js';

describe.each(testDialects)('signing on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const count = async (table: 'signatures' | 'supporters' | 'messages' | 'jobs' | 'consents') =>
    Number(
      (
        await t.db.kysely
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const totals = async () => {
    const campaign = await t.services.campaigns.findBySlug(erlan);
    return (await t.services.campaigns.supporterTotals([campaign!.id])).get(campaign!.id) ?? 0;
  };
  const signAs = async (locale: string, fields: Record<string, string | string[]>) => {
    const token = await formToken(t.app, locale);
    clock.advance(20_000);
    return postSign(t.app, locale, { token, ...fields });
  };

  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('signs in Tagalog, mails a confirmation in Tagalog, and counts only after the button is pressed', async () => {
    const mail = await startMailWorker(t);
    try {
      const res = await signAs('tl', { ...ana, alerts: 'yes', src: 'mailing-tl-1' });
      expect(res.statusCode).toBe(303);
      expect(res.headers.location).toBe(`/tl/campaigns/${erlan}/thanks?confirm=1`);
      expect(await totals()).toBe(0);

      const thanks = await t.app.inject({ url: res.headers.location as string });
      expect(thanks.body).toContain('Isa pang hakbang: pinadalhan ka namin ng email.');
      expect(thanks.body).toContain('Mapupunta ang iyong mensahe sa 6 na address.');

      expect(await mail.drain()).toBe(1);
      const [confirmation] = await mail.sink.waitFor(1);
      expect(confirmation!.parsed.subject).toBe(
        'Pakikumpirma ang iyong lagda: Kazakhstan: Erlan Baltabay sinentensiyahan ng 7 taon sa bilangguan dahil sa aktibidad ng unyon',
      );
      expect(confirmation!.envelope.to).toEqual(['ana.souza@example.org']);
      const link = /https:\/\/outcry\.example\.org(\/tl\/confirm\/[A-Za-z0-9_-]+)/.exec(
        confirmation!.parsed.text ?? '',
      )?.[1];
      expect(link).toBeDefined();

      // A link scanner's GET shows the button and changes nothing.
      const scanned = await t.app.inject({ url: link! });
      expect(scanned.statusCode).toBe(200);
      expect(scanned.body).toContain('Kumpirmahin ang aking lagda');
      expect(await totals()).toBe(0);
      expect(await count('messages')).toBe(0);

      const confirmed = await t.app.inject({ method: 'POST', url: link! });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.body).toContain('Nakumpirma na. Salamat!');
      expect(await totals()).toBe(1);
      // Six targets and the union copy address: one message each, released by the confirmation.
      expect(await count('messages')).toBe(7);
      const again = await t.app.inject({ method: 'POST', url: link! });
      expect(again.statusCode).toBe(200);
      expect(await totals()).toBe(1);
      expect(await count('messages')).toBe(7);

      expect(await mail.drain()).toBe(1);
      const [, thank] = await mail.sink.waitFor(2);
      expect(thank!.parsed.subject).toMatch(/^Salamat sa paglagda: Kazakhstan/);

      const signature = await t.db.kysely.selectFrom('signatures').selectAll().executeTakeFirstOrThrow();
      expect(signature).toMatchObject({
        status: 'confirmed',
        locale: 'tl',
        country: 'BR',
        source: 'mailing-tl-1',
      });
      expect(signature.ip_hash).not.toContain('198.51');
      const consent = await t.db.kysely.selectFrom('consents').selectAll().executeTakeFirstOrThrow();
      expect(consent).toMatchObject({
        scope: 'alerts',
        locale: 'tl',
        version: 'alerts-2026-12',
        source: 'mailing-tl-1',
      });
      expect(consent.text).toContain(
        'Oo, i-email sa akin ang mga susunod na panawagan ng kampanya sa wikang ito.',
      );
    } finally {
      await mail.close();
    }
  });

  it.each([
    [
      'en',
      'Please correct 5 problems below.',
      [
        'Please enter your name.',
        'Please enter one email address, like name@example.org.',
        "Please shorten your union's name to 150 characters.",
        'Please choose a country from the list.',
        'Please write a message, or keep ours.',
      ],
    ],
    [
      'tl',
      'Pakiayos ang 5 na problema sa ibaba.',
      [
        'Pakilagay ang iyong pangalan.',
        'Pakilagay ang isang email address, gaya ng name@example.org.',
        'Paikliin ang pangalan ng iyong unyon sa 150 na character.',
        'Pumili ng bansa mula sa listahan.',
        'Sumulat ng mensahe, o gamitin ang sa amin.',
      ],
    ],
  ])(
    're-renders the form in %s with every field error and the input kept',
    async (locale, summary, errors) => {
      const union = `Unite ${'u'.repeat(150)}`;
      const res = await signAs(locale, {
        name: ' ',
        email: 'not-an-email',
        union,
        country: 'ZZ',
        message: ' ',
      });
      expect(res.statusCode).toBe(422);
      expect(res.body).toContain(summary);
      for (const error of errors) expect(res.body).toContain(error);
      expect(res.body).toContain(`value="${union}"`);
      expect(res.body).toContain('value="not-an-email"');
      expect(res.body).toMatch(/id="name"[^>]*aria-invalid="true"[^>]*autofocus/);
      expect(await count('signatures')).toBe(0);
    },
  );

  it.each([
    ['en', { name: 'x'.repeat(101) }, 'Please shorten your name to 100 characters.'],
    ['tl', { email: '' }, 'Pakilagay ang iyong email address.'],
    ['en', { name: 'Ana\u2066x' }, 'Your name contains characters we cannot send.'],
    ['tl', { message: 'x'.repeat(5001) }, 'Paikliin ang iyong mensahe sa 5000 na character.'],
    ['en', { country: '' }, 'Please choose your country.'],
  ])('explains a single field error in %s', async (locale, override, message) => {
    const res = await signAs(locale, { ...ana, ...override });
    expect(res.statusCode).toBe(422);
    expect(res.body).toContain(message);
  });

  it.each([
    ['header injection in the name', { name: 'Ana\r\nBcc: victim@example.org' }, 422],
    ['header injection in the email', { email: 'ana@example.org\r\nBcc: victim@example.org' }, 422],
    ['a bidi override in the name', { name: 'Ana \u202eazuoS' }, 422],
    ['a list in the email field', { email: 'a@example.org, b@example.org' }, 422],
    ['a display name in the email field', { email: 'Ana <ana@example.org>' }, 422],
    ['an unknown country', { country: 'ZZ' }, 422],
    ['a 10,000-character name', { name: 'x'.repeat(10_000) }, 400],
    ['a repeated field (array)', { name: ['Ana', 'Bob'] }, 400],
  ])('refuses %s and stores nothing', async (_label, override, status) => {
    const res = await signAs('en', { ...ana, ...override });
    expect(res.statusCode).toBe(status);
    expect(res.body).toMatch(/<html lang="en"/);
    expect(await count('signatures')).toBe(0);
    expect(await count('supporters')).toBe(0);
    expect(await count('jobs')).toBe(0);
  });

  it('ignores mass assignment and prototype keys', async () => {
    const res = await signAs('en', {
      ...ana,
      status: 'confirmed',
      campaign_id: '1',
      confirmed_at: '1',
      __proto__: 'x',
      'constructor[prototype][admin]': '1',
    });
    expect(res.statusCode).toBe(303);
    const rows = await t.db.kysely.selectFrom('signatures').selectAll().execute();
    const campaign = await t.services.campaigns.findBySlug(erlan);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'pending', campaign_id: campaign!.id, confirmed_at: null });
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('answers a duplicate exactly like a first signature, and resends the confirmation at most hourly', async () => {
    const first = await signAs('en', ana);
    const second = await signAs('en', { ...ana, email: 'ANA.SOUZA+again@Example.org', name: 'Someone Else' });
    expect(second.statusCode).toBe(first.statusCode);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await count('signatures')).toBe(1);
    expect(await count('jobs')).toBe(1);
    const supporter = await t.db.kysely.selectFrom('supporters').selectAll().executeTakeFirstOrThrow();
    expect(supporter.name).toBe('Ana Souza');
    clock.advance(61 * 60_000);
    await signAs('en', ana);
    expect(await count('signatures')).toBe(1);
    expect(await count('jobs')).toBe(2);
  });

  it('quietly drops a bot that fills the honeypot, with the normal answer', async () => {
    const res = await signAs('en', { ...ana, website: 'https://spam.example' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/en/campaigns/${erlan}/thanks?confirm=1`);
    expect(await count('signatures')).toBe(0);
  });

  it('holds a form posted faster than a person can fill it, or without a token', async () => {
    const token = await formToken(t.app, 'en');
    await postSign(t.app, 'en', { token, ...ana });
    await postSign(t.app, 'en', { ...ana, email: 'bot@example.net' });
    const statuses = (await t.db.kysely.selectFrom('signatures').select('status').execute()).map(
      (r) => r.status,
    );
    expect(statuses).toEqual(['held', 'held']);
  });

  it('refuses signatures on a closed campaign, saying so in the page language', async () => {
    const slug = 'kazakhstan-freedom-for-zhanaozen-oil-workers';
    const res = await postSign(t.app, 'tl', { ...ana }, slug);
    expect(res.statusCode).toBe(409);
    expect(res.body).toContain('Sarado na ang kampanyang ito at hindi na tumatanggap ng lagda.');
    expect(await count('signatures')).toBe(0);
  });

  it('writes 100 concurrent identical submissions as one signature with one set of outbox rows', async () => {
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const results = await Promise.all(
      // From 100 networks: one network may hold only a few sign requests at once (the rest get 503).
      Array.from({ length: 100 }, (_, i) => postSign(t.app, 'en', { token, ...ana }, erlan, `198.18.${i}.1`)),
    );
    expect(new Set(results.map((r) => `${r.statusCode} ${r.headers.location}`))).toEqual(
      new Set([`303 /en/campaigns/${erlan}/thanks?confirm=1`]),
    );
    expect(await count('signatures')).toBe(1);
    expect(await count('supporters')).toBe(1);
    expect(await count('jobs')).toBe(1);
    const counts = await t.db.kysely.selectFrom('counts').select(['status', 'n']).execute();
    expect(counts).toEqual([{ status: 'pending', n: 1 }]);
  });

  it('expires unconfirmed links after the configured days', async () => {
    const mail = await startMailWorker(t);
    try {
      await signAs('en', ana);
      await mail.drain();
      const [confirmation] = await mail.sink.waitFor(1);
      const link = /https:\/\/outcry\.example\.org(\/en\/confirm\/[A-Za-z0-9_-]+)/.exec(
        confirmation!.parsed.text ?? '',
      )![1]!;
      clock.advance(15 * 86_400_000);
      const res = await t.app.inject({ method: 'POST', url: link });
      expect(res.statusCode).toBe(410);
      expect(res.body).toContain('This link has expired.');
      const truncated = await t.app.inject({ url: link.slice(0, -10) });
      expect(truncated.statusCode).toBe(404);
      expect(await totals()).toBe(0);
    } finally {
      await mail.close();
    }
  });
});
