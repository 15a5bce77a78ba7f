// `outcry migrate` / `rollback`: prints each migration's result, exits non-zero on failure. main.ts opens
// (and closes) the configured database.
import type { Db } from '../db/database.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';

export async function runMigrate(db: Db, direction: 'latest' | 'down'): Promise<void> {
  const { error, results } = direction === 'latest' ? await migrateToLatest(db) : await migrateDown(db);
  for (const r of results ?? []) {
    console.log(
      `${r.status === 'Success' ? 'ok  ' : r.status === 'Error' ? 'FAIL' : 'skip'} ${r.direction.toLowerCase()} ${r.migrationName}`,
    );
  }
  if (!results?.length && !error)
    console.log(direction === 'latest' ? 'Database is up to date.' : 'Nothing to roll back.');
  if (error) {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
