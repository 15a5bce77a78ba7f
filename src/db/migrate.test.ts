// The schema test: every migration applies on a fresh database of each dialect, and rolls back cleanly.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/db.js';
import { migrateDown, migrateToLatest, pendingMigrations } from './migrate.js';

describe.each(testDialects)('migrations on %s', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.destroy());

  it('apply from scratch, leave nothing pending, and enforce status checks', async () => {
    db = await createTestDb(dialect, { migrate: false });
    expect(await pendingMigrations(db)).toEqual(['0001-initial', '0002-signing']);
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

  it('roll back to an empty database', async () => {
    db = await createTestDb(dialect);
    for (const expected of [['0002-signing'], ['0001-initial', '0002-signing']]) {
      const result = await migrateDown(db);
      expect(result.error).toBeUndefined();
      expect(await pendingMigrations(db)).toEqual(expected);
    }
  });
});
