// The statistics rollups (migration 0025) against a direct count, on both databases and every signing path:
// after signing, confirming, releasing a held signature, a delivery, an erasure, expiry and the retention
// purge, the hours and delivery figures the pages read equal a count over signatures and messages, and
// erasure and purge leave the counted hours alone. Concurrent writers on two connections sum right too.
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, pgUrl, type TestDb, testDialects, underSchemaLock } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import type { SignCommand } from '../domain/signature/signature.ports.js';
import { viewStatistics } from '../domain/statistics/view-statistics.js';
import { erasedEmailKey } from '../security/email-key.js';
import { CampaignRepository } from './campaign.repository.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { HeldSignatureRepository } from './held-signature.repository.js';
import { migrateTo, migrateToLatest, migrationNames } from './migrate.js';
import { PrivacyRepository } from './privacy.repository.js';
import { SignatureRepository } from './signature.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';
import { StatisticsRepository } from './statistics.repository.js';
import { UserRepository } from './user.repository.js';

const now = Date.UTC(2026, 10, 23, 10, 30);
const hour = 3_600_000;
const day = 24 * hour;

const writers: { name: string; dialect: Dialect; writer: (db: Db) => BatchedSignatureWriter }[] = [
  {
    name: 'prepared statements on sqlite',
    dialect: 'sqlite',
    writer: (db) => new BatchedSignatureWriter(db),
  },
  ...testDialects.flatMap((dialect) =>
    [true, false].map((multiRow) => ({
      name: `${multiRow ? 'multi-row statements' : 'row by row'} on ${dialect}`,
      dialect,
      writer: (db: Db) =>
        new BatchedSignatureWriter(
          { kysely: db.kysely, dialect: db.dialect, vault: db.vault, close: db.close },
          { multiRow },
        ),
    })),
  ),
];

/** Confirmed signatures per UTC hour and messages per status, counted over the rows themselves. */
async function direct(db: Db, ids: number[]) {
  const hours = await db.kysely
    .selectFrom('signatures')
    .select([
      sql<number | string>`created_at / ${sql.lit(hour)}`.as('hour'),
      (eb) => eb.fn.countAll<number | string>().as('n'),
    ])
    .where('status', '=', 'confirmed')
    .where('campaign_id', 'in', ids)
    .groupBy(sql`created_at / ${sql.lit(hour)}`)
    .execute();
  const messages = await db.kysely
    .selectFrom('messages')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('campaign_id', 'in', ids)
    .groupBy('status')
    .execute();
  return {
    hours: hours.map((r) => ({ hour: Number(r.hour), n: Number(r.n) })).sort((a, b) => a.hour - b.hour),
    messages: messages
      .map((r) => ({ status: r.status, n: Number(r.n) }))
      .sort((a, b) => (a.status < b.status ? -1 : 1)),
  };
}

async function rollup(db: Db, ids: number[]) {
  const reader = new StatisticsRepository(db);
  return {
    hours: (await reader.countedByHour(ids, 0)).filter((r) => r.n !== 0).sort((a, b) => a.hour - b.hour),
    messages: (await reader.messagesByStatus(ids))
      .filter((r) => r.n !== 0)
      .sort((a, b) => (a.status < b.status ? -1 : 1)),
  };
}

describe.each(writers)('statistics rollups, signing by $name', ({ dialect, writer }) => {
  let db: TestDb;
  let imm: number;
  let cf: number;
  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    const campaigns = new CampaignRepository(db);
    imm = await campaigns.create(buildCampaign({ slug: 'imm', confirmationMode: 'immediate' }), now - day);
    cf = await campaigns.create(buildCampaign({ slug: 'cf', confirmationMode: 'confirm_first' }), now - day);
  });

  /** The rollups equal the direct count for each campaign and both together; returns the direct count. */
  async function expectExact(label: string) {
    for (const ids of [[imm], [cf], [imm, cf]]) {
      const want = await direct(db, ids);
      expect(await rollup(db, ids), `${label}, campaigns ${ids.join(' ')}`).toEqual(want);
    }
    // The page's own total and days, through the use case.
    const result = await viewStatistics(
      {
        reader: new StatisticsRepository(db),
        clock: { now: () => now + 40 * day },
        scopes: { campaignsOf: async () => [], languagesOf: async () => [] },
      },
      { role: 'editor', id: 1 },
      'imm',
    );
    if (result.status !== 'ok') throw new Error(result.status);
    const counted = (await direct(db, [imm])).hours.reduce((sum, h) => sum + h.n, 0);
    expect(
      result.statistics.days.counts.reduce((a, b) => a + b, 0),
      label,
    ).toBe(counted);
    return direct(db, [imm, cf]);
  }

  it('match a direct count after signing, confirming, releasing, delivering, erasing, expiring and purging', async () => {
    const w = writer(db);
    const sign = (campaignId: number, email: string, over: Partial<SignCommand> = {}) =>
      w.record(buildSignCommand(campaignId, { email, now, ...over }));
    const at = (h: number) => now + h * hour;
    // One batch: counted at once, waiting for a click, held; then later hours.
    const first = await Promise.all([
      sign(imm, 'ana@example.org', { status: 'confirmed' }),
      sign(imm, 'bo@example.org', { status: 'confirmed', now: at(0) + 1 }),
      sign(imm, 'cy@example.org', { status: 'held', tokenHash: 'held-cy' }),
      sign(cf, 'dee@example.org', { tokenHash: 'pending-dee' }),
      sign(cf, 'eve@example.org', { tokenHash: 'pending-eve' }),
    ]);
    await Promise.all([
      sign(imm, 'fay@example.org', { status: 'confirmed', now: at(5) }),
      sign(imm, 'gus@example.org', { status: 'confirmed', now: at(29) }),
      // A repeat counts nowhere in the statistics.
      sign(imm, 'ana@example.org', { status: 'confirmed', now: at(29) }),
    ]);
    let seen = await expectExact('signed');
    expect(seen.hours.reduce((s, h) => s + h.n, 0)).toBe(4);
    expect(seen.messages.length).toBeGreaterThan(0);

    const signatures = new SignatureRepository(db);
    expect((await signatures.confirm('pending-dee', at(6), 7 * day)).status).toBe('confirmed');
    seen = await expectExact('confirmed');
    // Counted in the hour it was made, not the hour it was confirmed.
    expect(seen.hours.find((h) => h.hour === Math.floor(now / hour))?.n).toBe(3);

    const email = 'editor@example.org';
    const user = { email, name: 'Nadia Haddad', role: 'editor' as const, passwordHash: 'not-a-real-hash' };
    const editor = { id: (await new UserRepository(db).upsertWithPassword(user, now)).id, email };
    const held = new HeldSignatureRepository(db);
    const released = await held.release(
      imm,
      { ids: [first[2]!.signatureId] },
      () => ({ status: 'confirmed' }),
      editor,
      at(7),
    );
    expect(released).toBe(1);
    await expectExact('released');

    // The delivery worker's outcomes: one letter sent, one deferred.
    const [one, two] = await db.kysely.selectFrom('messages').select('id').orderBy('id').limit(2).execute();
    await db.kysely
      .updateTable('messages')
      .set({ status: 'sent', sent_at: at(8) })
      .where('id', '=', one!.id)
      .execute();
    await db.kysely.updateTable('messages').set({ status: 'deferred' }).where('id', '=', two!.id).execute();
    await db.kysely.updateTable('messages').set({ attempts: 2 }).where('id', '=', two!.id).execute();
    seen = await expectExact('delivered');
    expect(seen.messages.find((m) => m.status === 'sent')?.n).toBe(1);

    // Erasure cancels the letters not yet sent and keeps the signature counted.
    const before = seen.hours;
    const privacy = new PrivacyRepository(db);
    const bo = await db.kysely
      .selectFrom('supporters')
      .select('id')
      .where(
        'id',
        '=',
        (
          await db.kysely
            .selectFrom('signatures')
            .select('supporter_id')
            .where('id', '=', first[1]!.signatureId)
            .executeTakeFirstOrThrow()
        ).supporter_id,
      )
      .executeTakeFirstOrThrow();
    const keyed = (canonical: string) => erasedEmailKey('test-secret', canonical);
    expect(
      await privacy.erase({ supporterId: bo.id, via: 'self', now: at(9), keyedHash: keyed }),
    ).toBeDefined();
    seen = await expectExact('erased');
    expect(seen.hours).toEqual(before);

    // The unconfirmed one expires (deleted); then both campaigns close and their signers are anonymised.
    expect(await signatures.expireUnconfirmed(at(24 * 10), 7 * day)).toBe(1);
    await expectExact('expired');
    await db.kysely
      .updateTable('campaigns')
      .set({ status: 'closed', closed_at: at(24 * 11) })
      .execute();
    expect(await privacy.anonymiseClosedBefore(at(24 * 12))).toBeGreaterThan(0);
    seen = await expectExact('purged');
    expect(seen.hours).toEqual(before);
  });
});

describe.each(testDialects)('statistics rollups with two writers on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('sum the partial rows of concurrent connections exactly', async () => {
    const id = await new CampaignRepository(db).create(
      buildCampaign({ slug: 'imm', confirmationMode: 'immediate' }),
      now,
    );
    const other = db.reopen();
    const writers = [db, other].map(
      (d) =>
        new BatchedSignatureWriter(
          { kysely: d.kysely, dialect: d.dialect, vault: d.vault, close: d.close },
          { multiRow: true },
        ),
    );
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writers[i % 2]!.record(
          buildSignCommand(id, {
            email: `p${i}@example.org`,
            status: 'confirmed',
            now: now + (i % 3) * hour,
          }),
        ),
      ),
    );
    const want = await direct(db, [id]);
    expect(want.hours.reduce((s, h) => s + h.n, 0)).toBe(40);
    expect(await rollup(db, [id])).toEqual(want);
  });
});

describe.each(testDialects)('migration 0025 on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());

  it('fills the rollups from the signatures and messages already stored', async () => {
    db = await createTestDb(dialect, { migrate: false });
    const names = migrationNames(dialect);
    const previous = names[names.indexOf('0025-statistics-rollups') - 1]!;
    // Kysely's Migrator lists every schema's tables: under the lock other test files take to drop theirs.
    const locked = <T>(work: () => Promise<T>) =>
      dialect === 'postgres' && pgUrl ? underSchemaLock(pgUrl, 'shared', work) : work();
    const at = db;
    expect((await locked(() => migrateTo(at, previous))).error).toBeUndefined();
    const id = await new CampaignRepository(db).create(
      buildCampaign({ slug: 'imm', confirmationMode: 'immediate' }),
      now,
    );
    const w = new BatchedSignatureWriter(db);
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        w.record(
          buildSignCommand(id, {
            email: `p${i}@example.org`,
            status: i === 5 ? 'held' : 'confirmed',
            now: now + (i % 2) * hour,
          }),
        ),
      ),
    );
    await db.kysely.updateTable('messages').set({ status: 'sent' }).where('id', '=', 1).execute();
    expect((await locked(() => migrateToLatest(at))).error).toBeUndefined();
    const want = await direct(db, [id]);
    expect(want.hours).toEqual([
      { hour: Math.floor(now / hour), n: 3 },
      { hour: Math.floor(now / hour) + 1, n: 2 },
    ]);
    expect(want.messages.map((m) => m.status)).toEqual(['queued', 'sent']);
    expect(await rollup(db, [id])).toEqual(want);
  });
});
