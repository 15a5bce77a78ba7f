// The set-up most repository tests share, written once: a fresh migrated database before each test and its
// removal after it. Kept out of test/db.ts, which the benchmarks and the global set-up import outside vitest.
import { afterEach, beforeEach } from 'vitest';
import type { Dialect } from '../src/db/dialect.js';
import { createTestDb, type TestDb } from './db.js';

/**
 * Registers, in the enclosing `describe`, a new database before each test and its destruction after it.
 * `use` gets the database before the test runs and may set up more (repositories, rows); after-hooks a file
 * registers later run before the database goes.
 */
export function dbPerTest(dialect: Dialect, use: (db: TestDb) => unknown): void {
  let db: TestDb | undefined;
  beforeEach(async () => {
    db = await createTestDb(dialect);
    await use(db);
  });
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });
}
