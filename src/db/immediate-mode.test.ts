// Decision 0015 on both databases: in immediate mode the public number moves the same way whether or not an
// address had already signed (through the sign form, on every batch path, and after counts are rebuilt);
// and an address counts as its owner's only once a confirmation link was pressed (migration 0009 marks
// those who already had).
import { afterEach, describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { createTestDb, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import type { FakeClock } from '../../test/fake-clock.js';
import { erlan, formToken, postSign } from '../../test/sign-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import type { ConfirmationMode } from '../domain/campaign/campaign.js';
import { CampaignRepository } from './campaign.repository.js';
import type { Db } from './database.js';
import { migrateTo, migrateToLatest } from './migrate.js';
import { SignatureRepository } from './signature.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';

const now = Date.UTC(2026, 10, 23, 10);

describe.each(testDialects)('the public count of an immediate campaign on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const publicCount = async () =>
    (await t.app.inject({ url: `/api/campaigns/${erlan}/count` })).json<{ total: number }>().total;
  /** The sign form as a person fills it: the page's token, twenty seconds, then the POST. */
  const signAs = async (name: string, email: string, { withToken = true } = {}) => {
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const res = await postSign(t.app, 'en', {
      ...(withToken ? { token } : {}),
      name,
      email,
      country: 'PH',
      message: 'Free Erlan Baltabay.',
    });
    expect(res.statusCode).toBe(303);
    return res.headers.location;
  };

  /** Sets how Erlan's campaign confirms signatures, straight in the table. */
  const confirmBy = (mode: ConfirmationMode) =>
    t.db.kysely.updateTable('campaigns').set({ confirmation_mode: mode }).where('slug', '=', erlan).execute();

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    // Before any request, so no cache holds the seeded mode.
    await confirmBy('immediate');
  });

  it('offers no alerts box (a signature here proves no address) and keeps no alerts consent', async () => {
    const page = await t.app.inject({ url: `/en/campaigns/${erlan}` });
    expect(page.body).not.toContain('name="alerts"');
    expect(page.body).toContain('href="/en/subscribe"');
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const res = await postSign(t.app, 'en', {
      token,
      name: 'Ana Souza',
      email: 'ana@example.org',
      country: 'PH',
      message: 'Free Erlan Baltabay.',
      alerts: 'yes',
    });
    expect(res.statusCode).toBe(303);
    expect(await t.db.kysely.selectFrom('signatures').select('id').execute()).toHaveLength(1);
    expect(await t.db.kysely.selectFrom('consents').select('id').execute()).toEqual([]);
  });

  it('answers a repeated address exactly as a new one, held or not, and keeps doing so after a rebuild', async () => {
    expect(await publicCount()).toBe(0);
    const first = await signAs('Ana Souza', 'ana@example.org');
    expect(await publicCount()).toBe(1);
    // The same address again (another hand typing it, in another case): the same page, the same +1.
    expect(await signAs('Someone Else', 'ANA@example.org')).toBe(first);
    expect(await publicCount()).toBe(2);
    expect(await signAs('Bruno Lima', 'bruno@example.org')).toBe(first);
    expect(await publicCount()).toBe(3);

    // Without a sound form token a submission is held: +0, for a new address and for a repeat alike.
    await signAs('Carla Dias', 'carla@example.org', { withToken: false });
    expect(await publicCount()).toBe(3);
    await signAs('Ana Souza', 'ana@example.org', { withToken: false });
    expect(await publicCount()).toBe(3);

    // One letter per signer, whatever the repeats: the targets get what they got before.
    const signatures = await t.db.kysely.selectFrom('signatures').select('status').execute();
    expect(signatures.map((s) => s.status).sort()).toEqual(['confirmed', 'confirmed', 'held']);

    // Rebuilding the counts from the signatures (reconcile, expiry) keeps the repeats: no drift to repair.
    expect(await t.services.signatureStore.reconcileCounts()).toEqual([]);
    await t.services.signatureStore.expireUnconfirmed(clock.now() + 30 * 86_400_000, 86_400_000);
    expect(await publicCount()).toBe(3);
  });

  it('counts no repeat in a confirm-first campaign, where nothing counts before a link is pressed', async () => {
    await confirmBy('confirm_first');
    await signAs('Ana Souza', 'ana@example.org');
    await signAs('Ana Souza', 'ana@example.org');
    expect(await publicCount()).toBe(0);
  });
});

describe.each(testDialects)('repeats on every signing path on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  const writers: [string, (db: Db) => BatchedSignatureWriter][] = [
    ['the default path', (d) => new BatchedSignatureWriter(d)],
    [
      'row by row',
      (d) =>
        new BatchedSignatureWriter(
          { kysely: d.kysely, dialect: d.dialect, vault: d.vault, close: d.close },
          { multiRow: false },
        ),
    ],
    [
      'multi-row',
      (d) =>
        new BatchedSignatureWriter(
          { kysely: d.kysely, dialect: d.dialect, vault: d.vault, close: d.close },
          { multiRow: true },
        ),
    ],
  ];

  it.each(writers)(
    '%s counts a repeat that would have counted, and nothing else',
    async (_name, writerFor) => {
      const id = await new CampaignRepository(db).create(
        buildCampaign({ confirmationMode: 'immediate' }),
        now,
      );
      const writer = writerFor(db);
      const sign = (email: string, status: 'confirmed' | 'held') =>
        buildSignCommand(id, { email, status, now });
      // A batch of different people (the multi-row path takes those), then repeats one by one.
      await Promise.all(
        [sign('a@example.org', 'confirmed'), sign('b@example.org', 'held')].map((c) => writer.record(c)),
      );
      await writer.record(sign('a@example.org', 'confirmed'));
      await writer.record(sign('b@example.org', 'confirmed'));
      await writer.record(sign('a@example.org', 'held'));
      const totals = await new CampaignRepository(db).supporterTotals([id]);
      expect(totals.get(id)).toBe(3);
      expect(await new SignatureRepository(db).reconcileCounts()).toEqual([]);
      expect((await new CampaignRepository(db).supporterTotals([id])).get(id)).toBe(3);
    },
  );
});

describe.each(testDialects)('migration 0009-confirmed-addresses on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());

  it('marks the supporters who confirmed a confirm-first signature, and only them', async () => {
    db = await createTestDb(dialect, { migrate: false });
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
    const campaigns = new CampaignRepository(db);
    const confirmFirst = await campaigns.create(buildCampaign({ confirmationMode: 'confirm_first' }), now);
    const immediate = await campaigns.create(buildCampaign({ confirmationMode: 'immediate' }), now);
    const k = db.kysely;
    const supporter = async (email: string) =>
      (
        await k
          .insertInto('supporters')
          // Before 0017 the column held the canonical address in clear.
          .values({
            email,
            email_canonical: email,
            name: email,
            locale: 'en',
            created_at: now,
            updated_at: now,
          } as never)
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const signature = (campaign: number, supporterId: number, status: string, confirmedAt: number | null) =>
      k
        .insertInto('signatures')
        .values({
          campaign_id: campaign,
          supporter_id: supporterId,
          locale: 'en',
          name: 'x',
          message: 'x',
          status,
          created_at: now,
          confirmed_at: confirmedAt,
        })
        .execute();
    const clicked = await supporter('clicked@example.org');
    await signature(confirmFirst, clicked, 'confirmed', now + 5);
    await signature(immediate, clicked, 'confirmed', now + 1);
    const typed = await supporter('typed@example.org');
    await signature(immediate, typed, 'confirmed', now);
    const waiting = await supporter('waiting@example.org');
    await signature(confirmFirst, waiting, 'pending', null);

    expect((await migrateToLatest(db)).error).toBeUndefined();
    // Addresses are sealed (decision 0023): sorted here, not by the database.
    const rows = await k.selectFrom('supporters').select(['email', 'email_confirmed_at']).execute();
    expect(
      rows
        .map((r) => [r.email, r.email_confirmed_at === null ? null : Number(r.email_confirmed_at)])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ).toEqual([
      ['clicked@example.org', now + 5],
      ['typed@example.org', null],
      ['waiting@example.org', null],
    ]);
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
  });
});
