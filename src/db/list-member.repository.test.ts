// The supporters' side of the language lists on both databases: a sign-up waits for its button, records
// its consent exactly and mails once; a confirmed signature whose box was ticked joins its language's list,
// once, and never brings back someone who left unless they ticked the box again afterwards; joins, leaves
// and moves are consent records; an address changes only to one nobody else has; my-data shows the lists,
// a withdrawn consent ends its membership, and erasure takes every membership with it.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { blindIndex } from '../../test/blind-index.js';
import { jobPayloads, liveCampaignIds, testDialects } from '../../test/db.js';
import { buildSignCommand } from '../../test/factories.js';
import { confirmedSignup, listConsent, signupCommand } from '../../test/signup-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { erasedEmailKey } from '../security/email-key.js';
import { ListMemberRepository } from './list-member.repository.js';
import { PrivacyRepository } from './privacy.repository.js';

const t0 = Date.UTC(2026, 11, 1, 9);
const day = 86_400_000;
const consent = listConsent;
const address = (a: string) => ({ address: a, canonical: a.toLowerCase() });

describe.each(testDialects)('list members on %s', (dialect) => {
  let t: TestApp;
  let repo: ListMemberRepository;
  appPerTest(dialect, (app) => {
    ({ t } = app);
    repo = new ListMemberRepository(t.db);
  });

  const signup = signupCommand;
  /** Joins a list from the preferences page, consenting with `text`. */
  const joinList = (supporterId: number, locale: string, text: string, now: number) =>
    repo.join({ supporterId, locale, consent: { ...consent, text }, now });
  const supporterId = async (canonical: string) =>
    Number(
      (
        await t.db.kysely
          .selectFrom('supporters')
          .select('id')
          .where('email_index', '=', blindIndex(canonical))
          .executeTakeFirstOrThrow()
      ).id,
    );
  const members = async (id: number) =>
    t.db.kysely
      .selectFrom('list_members')
      .select(['locale', 'status', 'source', 'consent_id', 'confirm_token_hash'])
      .where('supporter_id', '=', id)
      .orderBy('locale')
      .execute();
  const consents = async (id: number) =>
    t.db.kysely
      .selectFrom('consents')
      .select(['id', 'scope', 'text', 'version', 'locale', 'withdrawn_at', 'withdrawn_via'])
      .where('supporter_id', '=', id)
      .orderBy('id')
      .execute();
  const listJobs = () => jobPayloads(t.db, 'send-list-mail');
  const liveCampaign = async () => (await liveCampaignIds(t.db))[0]!;

  it('records a sign-up with its exact consent and one mail, and subscribes only on the button', async () => {
    await repo.requestSignup(signup('rosa@example.org'));
    const id = await supporterId('rosa@example.org');
    expect(await members(id)).toEqual([
      expect.objectContaining({
        locale: 'tl',
        status: 'pending',
        source: 'signup',
        confirm_token_hash: 'hash-rosa@example.org',
      }),
    ]);
    const [given] = await consents(id);
    expect(given).toMatchObject({ scope: 'list', text: consent.text, version: 'list-test', locale: 'en' });
    expect((await members(id))[0]!.consent_id).toBe(given!.id);
    expect(await listJobs()).toEqual([
      {
        kind: 'confirm-signup',
        to: 'rosa@example.org',
        locale: 'en',
        token: 'raw-token-abcdefghijklmnopqrstu',
      },
    ]);
    expect(await repo.peekSignup('hash-rosa@example.org')).toEqual({ locale: 'tl', status: 'pending' });

    expect(await repo.confirmSignup('hash-rosa@example.org', t0 + day, 7 * day)).toEqual({
      status: 'confirmed',
      locale: 'tl',
      supporterId: id,
    });
    expect(await members(id)).toEqual([
      expect.objectContaining({ status: 'subscribed', confirm_token_hash: null, consent_id: given!.id }),
    ]);
    const person = await t.db.kysely
      .selectFrom('supporters')
      .select('email_confirmed_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(person.email_confirmed_at)).toBe(t0 + day);
    // The token is spent: a second press finds nothing to confirm.
    expect(await repo.confirmSignup('hash-rosa@example.org', t0 + day, 7 * day)).toEqual({
      status: 'unknown',
    });
  });

  it('lets a sign-up link expire, keeps a subscribed member subscribed, and writes nothing for a suppressed address', async () => {
    await repo.requestSignup(signup('late@example.org'));
    expect(await repo.confirmSignup('hash-late@example.org', t0 + 8 * day, 7 * day)).toEqual({
      status: 'expired',
    });

    const id = await confirmedSignup(repo, t.db, 'sub@example.org', { name: 'First Name' });
    const firstConsent = (await members(id))[0]!.consent_id;
    await repo.requestSignup(
      signup('SUB@example.org', { name: 'Someone Else', tokenHash: 'hash-again', now: t0 + day }),
    );
    expect(await members(id)).toEqual([
      expect.objectContaining({
        status: 'subscribed',
        consent_id: firstConsent,
        confirm_token_hash: 'hash-again',
      }),
    ]);
    const named = await t.db.kysely
      .selectFrom('supporters')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(named.name).toBe('First Name');
    expect(await repo.confirmSignup('hash-again', t0 + 30 * day, 7 * day)).toEqual({
      status: 'already',
      locale: 'tl',
      supporterId: id,
    });

    await t.db.kysely
      .updateTable('supporters')
      .set({ mail_suppressed_at: t0, mail_suppressed_reason: 'hard_bounce' })
      .where('id', '=', id)
      .execute();
    const before = (await listJobs()).length;
    await repo.requestSignup(signup('sub@example.org', { listLocale: 'en', tokenHash: 'hash-suppressed' }));
    expect(await listJobs()).toHaveLength(before);
    expect(await repo.peekSignup('hash-suppressed')).toBeUndefined();
  });

  it('takes a confirmed signature with the box ticked onto its language list, once, and never back after leaving unless ticked again', async () => {
    const campaignId = await liveCampaign();
    const sign = (email: string, tokenHash: string, ticked: boolean, now: number, campaign = campaignId) => {
      const command = buildSignCommand(campaign, {
        email,
        locale: 'ar',
        tokenHash,
        consent: ticked ? { text: 'Yes, email me future campaign alerts.', version: 'alerts-test' } : null,
        now,
      });
      command.input = { ...command.input, alerts: ticked };
      return t.services.writer.record(command);
    };
    await sign('amal@example.org', 'sig-amal', true, t0);
    await sign('noor@example.org', 'sig-noor', false, t0);
    const amal = await supporterId('amal@example.org');
    // Signing alone (unproved address) joins nothing.
    expect(await members(amal)).toEqual([]);
    await t.services.signatureStore.confirm('sig-amal', t0 + 1_000, 7 * day);
    await t.services.signatureStore.confirm('sig-noor', t0 + 1_000, 7 * day);
    const alerts = (await consents(amal)).find((k) => k.scope === 'alerts')!;
    expect(await members(amal)).toEqual([
      expect.objectContaining({
        locale: 'ar',
        status: 'subscribed',
        source: 'signature',
        consent_id: alerts.id,
      }),
    ]);
    expect(await members(await supporterId('noor@example.org'))).toEqual([]);
    // A second press changes nothing.
    expect((await t.services.signatureStore.confirm('sig-amal', t0 + 2_000, 7 * day)).status).toBe('already');
    expect(await members(amal)).toHaveLength(1);

    await repo.leave({ supporterId: amal, via: 'one-click', now: t0 + day });
    expect((await consents(amal)).find((k) => k.id === alerts.id)).toMatchObject({
      withdrawn_via: 'one-click',
    });
    expect(await members(amal)).toEqual([expect.objectContaining({ status: 'unsubscribed' })]);

    // Another campaign, signed with the box ticked BEFORE leaving and confirmed after: stays out.
    const campaigns = await t.db.kysely.selectFrom('campaigns').select('id').orderBy('id').execute();
    const [, second, third] = campaigns.map((c) => Number(c.id));
    await sign('amal@example.org', 'sig-amal-2', true, t0 + day - 1_000, second!);
    await t.services.signatureStore.confirm('sig-amal-2', t0 + 2 * day, 7 * day);
    expect(await members(amal)).toEqual([expect.objectContaining({ status: 'unsubscribed' })]);
    // Ticked again after leaving: back on the list, with that consent.
    await sign('amal@example.org', 'sig-amal-3', true, t0 + 3 * day, third!);
    await t.services.signatureStore.confirm('sig-amal-3', t0 + 3 * day + 1_000, 7 * day);
    const latest = (await consents(amal)).filter((k) => k.scope === 'alerts').at(-1)!;
    expect(await members(amal)).toEqual([
      expect.objectContaining({ status: 'subscribed', source: 'signature', consent_id: latest.id }),
    ]);
  });

  it('records joins, leaves and moves from the preferences page as consents', async () => {
    const id = await confirmedSignup(repo, t.db, 'lena@example.org', { listLocale: 'en' });
    await joinList(id, 'fr', 'Join French', t0 + 1);
    // Joining a list one is on records nothing new.
    await joinList(id, 'fr', 'Join again', t0 + 2);
    expect((await members(id)).map((m) => [m.locale, m.status])).toEqual([
      ['en', 'subscribed'],
      ['fr', 'subscribed'],
    ]);
    expect((await consents(id)).map((k) => k.text)).toEqual([consent.text, 'Join French']);

    expect(
      await repo.move({
        supporterId: id,
        from: 'en',
        to: 'es',
        consent: { ...consent, text: 'Move' },
        now: t0 + 3,
      }),
    ).toBe('moved');
    expect(await repo.move({ supporterId: id, from: 'en', to: 'de', consent, now: t0 + 4 })).toBe(
      'not_member',
    );
    expect((await members(id)).map((m) => [m.locale, m.status])).toEqual([
      ['en', 'unsubscribed'],
      ['es', 'subscribed'],
      ['fr', 'subscribed'],
    ]);
    const lena = await repo.person(id);
    expect(lena?.locale).toBe('es');
    expect(await repo.leave({ supporterId: id, locale: 'fr', via: 'preferences', now: t0 + 5 })).toBe(1);
    expect(await repo.leave({ supporterId: id, locale: 'fr', via: 'preferences', now: t0 + 6 })).toBe(0);
    expect((await consents(id)).map((k) => [k.text, k.withdrawn_via])).toEqual([
      [consent.text, 'preferences'],
      ['Join French', 'preferences'],
      ['Move', null],
    ]);
  });

  it('changes an address only to one nobody else has, and only from the address the link was made for', async () => {
    await repo.requestSignup(signup('old@example.org'));
    await repo.requestSignup(signup('taken@example.org'));
    const id = await supporterId('old@example.org');
    expect(
      await repo.changeAddress({
        supporterId: id,
        fromCanonical: 'old@example.org',
        email: address('Taken@Example.org'),
        now: t0,
      }),
    ).toBe('taken');
    expect(
      await repo.changeAddress({
        supporterId: id,
        fromCanonical: 'old@example.org',
        email: address('New@example.org'),
        now: t0,
      }),
    ).toBe('changed');
    expect(
      await repo.changeAddress({
        supporterId: id,
        fromCanonical: 'old@example.org',
        email: address('third@example.org'),
        now: t0,
      }),
    ).toBe('stale');
    const person = await repo.person(id);
    expect(person).toMatchObject({ email: 'New@example.org', emailCanonical: 'new@example.org' });
  });

  it('shows the lists on my-data, ends a membership with its consent, and erases every membership', async () => {
    const privacy = new PrivacyRepository(t.db);
    const id = await confirmedSignup(repo, t.db, 'kai@example.org', { listLocale: 'en' });
    await joinList(id, 'tl', 'Tagalog too', t0 + 1);
    const data = await privacy.data(id);
    expect(data?.lists).toEqual([
      expect.objectContaining({
        locale: 'en',
        status: 'subscribed',
        source: 'signup',
        consentText: consent.text,
      }),
      expect.objectContaining({
        locale: 'tl',
        status: 'subscribed',
        source: 'signup',
        consentText: 'Tagalog too',
      }),
    ]);
    const tagalog = (await consents(id)).find((k) => k.text === 'Tagalog too')!;
    expect(await privacy.withdrawConsent(id, tagalog.id, t0 + 2)).toBe(true);
    expect((await members(id)).map((m) => [m.locale, m.status])).toEqual([
      ['en', 'subscribed'],
      ['tl', 'unsubscribed'],
    ]);
    expect((await consents(id)).find((k) => k.id === tagalog.id)).toMatchObject({ withdrawn_via: 'my-data' });

    await privacy.erase({
      supporterId: id,
      via: 'self',
      now: t0 + 3,
      keyedHash: (c) => erasedEmailKey('s', c),
    });
    expect(await members(id)).toEqual([]);
    expect((await consents(id)).every((k) => k.withdrawn_at !== null)).toBe(true);
    expect(await repo.person(id)).toBeUndefined();
  });
});
