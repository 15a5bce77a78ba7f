// Runs the migrations with Kysely's Migrator. Migrations are listed in code (not read from a folder) so the
// same list works from dist/ and from tsx, and their order is reviewable here.
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { initial } from './migrations/0001-initial.js';
import { signing } from './migrations/0002-signing.js';

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-signing': signing(dialect),
  };
}

function migrator(db: Db): Migrator {
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations(db.dialect) },
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateToLatest();
}

/** Names of migrations not yet applied; the server refuses to start while this is non-empty. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/** Undoes the newest applied migration (`npm run db:rollback`). */
export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  return migrator(db).migrateDown();
}
