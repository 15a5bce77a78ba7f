// `outcry migrate` / `rollback`: prints each migration's result, exits non-zero on failure.
import type { Config } from '../config/config.js';
import { openDb } from '../db/database.js';
import { migrateDown, migrateToLatest } from '../db/migrate.js';

export async function runMigrate(config: Config, direction: 'latest' | 'down'): Promise<void> {
  const db = openDb({ url: config.DATABASE_URL });
  try {
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
  } finally {
    await db.close();
  }
}
