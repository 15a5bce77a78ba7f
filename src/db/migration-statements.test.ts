// A shipped migration must issue, forever, the statements it shipped with: a database migrated last year
// and one migrated today have to end up alike. Each migration runs against a driver that answers every
// query with no rows (an empty database), in each dialect, and the SHA-256 of what it sends, up and down,
// is pinned in migrations/statements.sha256.json. Tidying a migration's code is fine when its hash stays;
// a new migration adds its line (`UPDATE_MIGRATION_HASHES=1 npx vitest run src/db/migration-statements`).

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { developmentVault } from '../security/data-keys.js';
import type { Dialect } from './dialect.js';
import { migrations } from './migrate.js';

const pinned = new URL('./migrations/statements.sha256.json', import.meta.url);
type Hashes = Record<string, Record<Dialect, { up: string; down: string }>>;

/** A Kysely of the dialect that runs nothing and writes down every statement's SQL and parameters. */
function recording(dialect: Dialect): { db: Kysely<unknown>; take(): string } {
  let sent: string[] = [];
  const db = new Kysely<unknown>({
    dialect: {
      createAdapter: () => (dialect === 'sqlite' ? new SqliteAdapter() : new PostgresAdapter()),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) =>
        dialect === 'sqlite' ? new SqliteIntrospector(k) : new PostgresIntrospector(k),
      createQueryCompiler: () =>
        dialect === 'sqlite' ? new SqliteQueryCompiler() : new PostgresQueryCompiler(),
    },
    log: (event) => {
      sent.push(`${event.query.sql}\n${JSON.stringify(event.query.parameters)}`);
    },
  });
  return {
    db,
    take: () => {
      const hash = createHash('sha256').update(sent.join('\n;\n')).digest('hex');
      sent = [];
      return hash;
    },
  };
}

async function hashesOf(dialect: Dialect): Promise<Record<string, { up: string; down: string }>> {
  const { db, take } = recording(dialect);
  const out: Record<string, { up: string; down: string }> = {};
  for (const [name, migration] of Object.entries(migrations(dialect, developmentVault()))) {
    await migration.up(db);
    const up = take();
    await migration.down?.(db);
    out[name] = { up, down: take() };
  }
  return out;
}

describe('shipped migrations', () => {
  it('issue the statements they shipped with, on SQLite and PostgreSQL', async () => {
    const sqlite = await hashesOf('sqlite');
    const postgres = await hashesOf('postgres');
    const now: Hashes = Object.fromEntries(
      Object.keys(sqlite).map((name) => [name, { sqlite: sqlite[name]!, postgres: postgres[name]! }]),
    );
    if (process.env.UPDATE_MIGRATION_HASHES === '1') {
      writeFileSync(pinned, `${JSON.stringify(now, null, 2)}\n`);
    }
    const shipped = JSON.parse(readFileSync(pinned, 'utf8')) as Hashes;
    for (const [name, hashes] of Object.entries(shipped)) expect(now[name], name).toEqual(hashes);
    expect(Object.keys(now)).toEqual(Object.keys(shipped));
  });
});
