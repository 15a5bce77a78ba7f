// The schema test: every migration applies on a fresh database of each dialect, rolls back cleanly, and the
// migrations that rebuild a table keep its rows.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/db.js';
import { enqueueJobs } from './job.repository.js';
import { migrateDown, migrateTo, migrateToLatest, migrationNames, pendingMigrations } from './migrate.js';

describe.each(testDialects)('migrations on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());
  const names = migrationNames(dialect);

  it('apply from scratch, leave nothing pending, and enforce status checks', async () => {
    db = await createTestDb(dialect, { migrate: false });
    expect(names.slice(0, 3)).toEqual(['0001-initial', '0002-signing', '0003-delivery']);
    expect(await pendingMigrations(db)).toEqual(names);
    const { error, results } = await migrateToLatest(db);
    expect(error).toBeUndefined();
    expect(results?.every((r) => r.status === 'Success')).toBe(true);
    expect(await pendingMigrations(db)).toEqual([]);

    const now = Date.now();
    const row = { slug: 'x', source_locale: 'en', created_at: now, updated_at: now };
    await db.kysely
      .insertInto('campaigns')
      .values({ ...row, status: 'live' })
      .execute();
    await expect(
      db.kysely
        .insertInto('campaigns')
        .values({ ...row, slug: 'y', status: 'confirmed' })
        .execute(),
    ).rejects.toThrow();
  });

  it('0014-job-kind-names moves queued request mails to their new kind, and back on rollback', async () => {
    db = await createTestDb(dialect, { migrate: false });
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
    await enqueueJobs(db.kysely, [{ kind: 'send-intake-mail', payload: { requestId: 1 } }], 0);
    const kinds = async () =>
      (await db!.kysely.selectFrom('jobs').select('kind').execute()).map((r) => r.kind);
    expect((await migrateTo(db, '0014-job-kind-names')).error).toBeUndefined();
    expect(await kinds()).toEqual(['send-request-mail']);
    expect((await migrateTo(db, '0008-account-scopes')).error).toBeUndefined();
    expect(await kinds()).toEqual(['send-intake-mail']);
  });

  it('roll back to an empty database', async () => {
    db = await createTestDb(dialect);
    for (let i = names.length - 1; i >= 0; i--) {
      const result = await migrateDown(db);
      expect(result.error).toBeUndefined();
      expect(await pendingMigrations(db)).toEqual(names.slice(i));
    }
  });

  it('0003-delivery keeps existing message rows, and new ones get fresh ids', async () => {
    db = await createTestDb(dialect, { migrate: false });
    expect((await migrateTo(db, '0002-signing')).error).toBeUndefined();
    const now = Date.now();
    const k = db.kysely;
    const { id: campaignId } = await k
      .insertInto('campaigns')
      .values({ slug: 'c', source_locale: 'en', status: 'live', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: targetId } = await k
      .insertInto('targets')
      .values({ campaign_id: campaignId, name: 'T', email: 't@example.org', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: supporterId } = await k
      .insertInto('supporters')
      // Before 0017 the column held the canonical address in clear.
      .values({
        email: 's@example.org',
        email_canonical: 's@example.org',
        name: 'S',
        locale: 'en',
        status: 'active',
        created_at: now,
        updated_at: now,
      } as never)
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: signatureId } = await k
      .insertInto('signatures')
      .values({
        campaign_id: campaignId,
        supporter_id: supporterId,
        locale: 'en',
        name: 'S',
        message: 'm',
        status: 'confirmed',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await k
      .insertInto('messages')
      .values({
        id: 41,
        signature_id: signatureId,
        target_id: targetId,
        campaign_id: campaignId,
        status: 'sent',
        created_at: now,
        sent_at: now,
      })
      .execute();

    expect((await migrateToLatest(db)).error).toBeUndefined();
    const kept = await k.selectFrom('messages').selectAll().executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      id: 41,
      kind: 'signature',
      status: 'sent',
      signature_id: signatureId,
      sent_at: now,
    });
    const fresh = await k
      .insertInto('messages')
      .values({
        kind: 'digest',
        target_id: targetId,
        campaign_id: campaignId,
        status: 'queued',
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(fresh.id).toBeGreaterThan(41);
  });
});
