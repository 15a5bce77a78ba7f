// The fast batch paths must write exactly what the row-by-row Kysely path writes: the same rows in every
// table the signing transaction touches, the same outcomes, batch by batch. Prepared statements on SQLite;
// multi-row statements on each database (PostgreSQL's path).
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import type { SignCommand, SignOutcome } from '../domain/signature/signature.ports.js';
import { CampaignRepository } from './campaign.repository.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { BatchedSignatureWriter } from './signature.writer.js';

const now = Date.UTC(2026, 10, 23, 10);
const hour = 3_600_000;
const tables = ['supporters', 'signatures', 'consents', 'messages', 'jobs'] as const;

/** The same campaigns, with the same ids, in both databases; one target bounced in the first. */
async function campaignsIn(db: Db) {
  const repo = new CampaignRepository(db);
  const immediate = await repo.create(buildCampaign({ slug: 'imm', confirmationMode: 'immediate' }), now);
  const confirmFirst = await repo.create(
    buildCampaign({ slug: 'cf', confirmationMode: 'confirm_first' }),
    now,
  );
  const petition = await repo.create(
    buildCampaign({ slug: 'pet', confirmationMode: 'immediate', deliveryMode: 'petition_only' }),
    now,
  );
  const first = await db.kysely
    .selectFrom('targets')
    .select('id')
    .where('campaign_id', '=', immediate)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  await db.kysely.updateTable('targets').set({ status: 'bounced' }).where('id', '=', first.id).execute();
  return { immediate, confirmFirst, petition };
}

/** Without the raw handle and with multiRow off, the writer goes row by row through Kysely. */
const rowByRow = (db: Db) =>
  new BatchedSignatureWriter(
    { kysely: db.kysely, dialect: db.dialect, vault: db.vault, close: db.close },
    { multiRow: false },
  );

const paths: { name: string; dialect: Dialect; fast: (db: Db) => BatchedSignatureWriter }[] = [
  { name: 'prepared statements on sqlite', dialect: 'sqlite', fast: (db) => new BatchedSignatureWriter(db) },
  ...testDialects.map((dialect) => ({
    name: `multi-row statements on ${dialect}`,
    dialect,
    fast: (db: Db) =>
      new BatchedSignatureWriter(
        { kysely: db.kysely, dialect: db.dialect, vault: db.vault, close: db.close },
        { multiRow: true },
      ),
  })),
];

describe.each(paths)('signing batch: $name against row by row', ({ dialect, fast: fastWriter }) => {
  let prepared: TestDb;
  let reference: TestDb;
  dbPerTest(dialect, (fresh) => {
    prepared = fresh;
  });
  dbPerTest(dialect, (fresh) => {
    reference = fresh;
  });

  it('writes the same rows and answers the same outcomes, batch by batch', async () => {
    const ids = await campaignsIn(prepared);
    expect(await campaignsIn(reference)).toEqual(ids);
    const sign = (campaignId: number, email: string, over: Partial<SignCommand> = {}) =>
      buildSignCommand(campaignId, { email, now, ...over });
    const consent = { text: 'Keep me informed', version: 'alerts-2026-11' };
    const batches: SignCommand[][] = [
      // All different people: the multi-row path takes it.
      [
        sign(ids.immediate, 'ana@example.org', { status: 'confirmed', tokenHash: 'h1', consent }),
        sign(ids.immediate, 'bo@example.org', {
          status: 'confirmed',
          input: {
            name: 'Bo',
            email: { address: 'Bo@Example.org', canonical: 'bo@example.org' },
            union: 'KHMU',
            country: 'KR',
            message: 'Reinstate them.',
            alerts: true,
            anonymous: true,
            source: 'mailing-en-1',
          },
          ipHash: 'ip-1',
        }),
        sign(ids.confirmFirst, 'cy@example.org'),
        sign(ids.confirmFirst, 'dee@example.org', { status: 'held', ipHash: 'ip-2' }),
        sign(ids.petition, 'pat@example.org', { status: 'confirmed' }),
        sign(ids.confirmFirst, 'eve@example.org', { token: null, tokenHash: null }),
      ],
      // The same person twice in one batch, once with another case: one signature (row by row everywhere).
      [
        sign(ids.confirmFirst, 'fay@example.org'),
        sign(ids.confirmFirst, 'FAY@example.org', { token: 'other-token', tokenHash: 'other-hash' }),
        sign(ids.confirmFirst, 'cy@example.org', { token: 'early', tokenHash: 'early-hash' }),
      ],
      // An hour later, different people again: pending and held ones get their link again, confirmed never.
      [
        sign(ids.confirmFirst, 'cy@example.org', { now: now + hour, token: 't2', tokenHash: 'h2' }),
        sign(ids.confirmFirst, 'dee@example.org', { now: now + hour, token: 't4', tokenHash: 'h4' }),
        sign(ids.immediate, 'ana@example.org', { now: now + hour, status: 'confirmed' }),
        sign(ids.confirmFirst, 'gus@example.org', { now: now + hour, consent }),
        sign(ids.immediate, 'hal@example.org', { now: now + hour, status: 'confirmed', consent }),
      ],
      [sign(ids.confirmFirst, 'dee@example.org', { now: now + hour + 1, token: 't5', tokenHash: 'h5' })],
    ];

    const fast = fastWriter(prepared);
    const slow = rowByRow(reference);
    for (const batch of batches) {
      // Recorded in one event-loop turn: one transaction per batch on each side.
      const [a, b] = await Promise.all([
        Promise.all(batch.map((c) => fast.record(c))),
        Promise.all(batch.map((c) => slow.record(c))),
      ]);
      expect(a).toEqual(b);
    }
    expect(fast.stats.batches).toBe(batches.length);
    expect(slow.stats.batches).toBe(batches.length);

    for (const table of tables) {
      const a = await prepared.kysely.selectFrom(table).selectAll().orderBy('id').execute();
      const b = await reference.kysely.selectFrom(table).selectAll().orderBy('id').execute();
      expect(a, table).toEqual(b);
      expect(a.length, table).toBeGreaterThan(0);
    }
    const counts = (db: Db) =>
      db.kysely
        .selectFrom('counts')
        .selectAll()
        .orderBy('campaign_id')
        .orderBy('locale')
        .orderBy('country')
        .orderBy('source')
        .orderBy('status')
        .execute();
    expect(await counts(prepared)).toEqual(await counts(reference));
    expect((await counts(prepared)).length).toBeGreaterThan(3);
    // The petition choice ("a supporter from Korea") is stored by every path, and only for who ticked it.
    const anonymous = await prepared.kysely
      .selectFrom('signatures')
      .select('name')
      .where('petition_anonymous', '=', 1)
      .execute();
    expect(anonymous).toEqual([{ name: 'Bo' }]);
    // What the batches must have done, whichever path wrote them.
    // Three confirmed signatures on the immediate campaign × its three targets: the bounced target's
    // messages wait (held) for a replacement address; the others are queued.
    for (const db of [prepared, reference]) {
      const messages = await db.kysely
        .selectFrom('messages')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('status')
        .orderBy('status')
        .execute();
      expect(messages.map((m) => [m.status, Number(m.n)])).toEqual([
        ['held', 3],
        ['queued', 6],
      ]);
    }
    const jobs = await prepared.kysely.selectFrom('jobs').select('payload').orderBy('id').execute();
    const tokens = jobs.map((j) => JSON.parse(j.payload).token).filter((t) => /^t\d$/.test(t));
    expect(tokens).toEqual(['t2', 't4']);
  });
});

describe('signing batch on SQLite with prepared statements', () => {
  let prepared: TestDb;
  beforeEach(async () => {
    prepared = await createTestDb('sqlite');
  });

  it('waits for a transaction another caller holds open instead of joining it', async () => {
    const ids = await campaignsIn(prepared);
    const writer = new BatchedSignatureWriter(prepared);
    let recorded: Promise<SignOutcome> | undefined;
    await expect(
      prepared.kysely.transaction().execute(async (trx) => {
        await trx.insertInto('settings').values({ key: 'x', value: '1', updated_at: now }).execute();
        recorded = writer.record(buildSignCommand(ids.confirmFirst, { now }));
        // Let the writer's turn come while this transaction is still open, then roll it back.
        await new Promise((r) => setTimeout(r, 20));
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await recorded)?.status).toBe('created');
    expect(await prepared.kysely.selectFrom('signatures').select('id').execute()).toHaveLength(1);
    expect(await prepared.kysely.selectFrom('settings').select('key').execute()).toHaveLength(0);
  });
});
