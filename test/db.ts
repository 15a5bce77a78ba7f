// Test databases on both dialects. SQLite runs always (a fresh file per test); PostgreSQL runs too when
// TEST_DATABASE_URL is set, each test in its own throwaway schema so parallel test files never collide;
// any of the run's schemas left behind are dropped when it ends (test/pg-schemas.setup.ts).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type Db, openDb } from '../src/db/database.js';
import type { Dialect } from '../src/db/dialect.js';
import { migrateTo, migrateToLatest, migrationNames } from '../src/db/migrate.js';
import type { Role } from '../src/domain/account/permissions.js';
import { type DataVault, developmentVault } from '../src/security/data-keys.js';

export const pgUrl = process.env.TEST_DATABASE_URL;

export const testDialects: Dialect[] = pgUrl ? ['sqlite', 'postgres'] : ['sqlite'];

export interface TestDb extends Db {
  /** A second, independent connection to the same database (for concurrency tests). */
  reopen(): Db;
  /** URL (and PostgreSQL schema) of this database, for a separate process. */
  readonly url: string;
  readonly searchPath: string | undefined;
  destroy(): Promise<void>;
}

export async function createTestDb(
  dialect: Dialect,
  { migrate = true, vault = developmentVault() }: { migrate?: boolean; vault?: DataVault } = {},
): Promise<TestDb> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'outcry-test-'));
    const url = `sqlite:${join(dir, 'test.db')}`;
    const db = openDb({ url, vault });
    if (migrate) await migrateOrThrow(db);
    const others: Db[] = [];
    return {
      ...db,
      url,
      searchPath: undefined,
      reopen: () => {
        const other = openDb({ url, vault });
        others.push(other);
        return other;
      },
      destroy: async () => {
        for (const o of others) await o.close();
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const schema = `${process.env.OUTCRY_TEST_SCHEMA_PREFIX ?? 't_'}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const db = openDb({ url: pgUrl, searchPath: schema, poolSize: 5, vault });
  if (migrate) await underSchemaLock(pgUrl, 'shared', () => migrateOrThrow(db));
  const others: Db[] = [];
  return {
    ...db,
    url: pgUrl,
    searchPath: schema,
    reopen: () => {
      const other = openDb({ url: pgUrl, searchPath: schema, poolSize: 5, vault });
      others.push(other);
      return other;
    },
    destroy: async () => {
      for (const o of others) await o.close();
      await db.close();
      // Dropped at once: Kysely's Migrator lists the tables of every schema, and hundreds of leftover
      // schemas make each listing take seconds. Any a killed test leaves go at the end of the run
      // (test/pg-schemas.setup.ts).
      await underSchemaLock(pgUrl, 'exclusive', (c) => c.query(`drop schema if exists ${schema} cascade`));
    },
  };
}

/**
 * For a test of one migration: a database migrated up to `previous`, which must be the migration just before
 * `migration` (it throws otherwise, or when a migration fails), so the test can store rows and go on.
 */
export async function createTestDbBefore(
  dialect: Dialect,
  migration: string,
  previous: string,
): Promise<TestDb> {
  const db = await createTestDb(dialect, { migrate: false });
  const names = migrationNames(dialect);
  if (names.indexOf(migration) !== names.indexOf(previous) + 1) {
    await db.destroy();
    throw new Error(`${migration} does not follow ${previous}`);
  }
  const { error } = await migrateTo(db, previous);
  if (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

/**
 * A fresh empty schema of TEST_DATABASE_URL for a whole app started from a DATABASE_URL (the demo server of
 * the journeys): `url` selects it through the connection's search_path, `whileMigrating` runs the app's
 * start (which migrates) under the shared schema lock, and `drop` removes it. Named with the run's prefix, so
 * one left by a killed test goes when the run ends (test/pg-schemas.setup.ts).
 */
export async function createTestSchema(): Promise<{
  url: string;
  schema: string;
  whileMigrating<T>(start: () => Promise<T>): Promise<T>;
  drop(): Promise<void>;
}> {
  if (!pgUrl) throw new Error('TEST_DATABASE_URL is not set');
  const base = pgUrl;
  const schema = `${process.env.OUTCRY_TEST_SCHEMA_PREFIX ?? 't_'}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const url = new URL(base);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.href,
    schema,
    whileMigrating: (start) => underSchemaLock(base, 'shared', start),
    drop: () =>
      underSchemaLock(base, 'exclusive', async (c) => {
        await c.query(`drop schema if exists ${schema} cascade`);
      }),
  };
}

/**
 * Kysely's Migrator lists the tables of every schema in the database; a schema dropped by another test (in
 * this run or a concurrent one) while that listing runs fails it with "schema … does not exist". So
 * migrations hold a shared advisory lock and drops an exclusive one: a drop waits for the migrations in
 * progress, and migrations wait for the drop (PostgreSQL queues them in order, so neither starves).
 */
export const schemaLockKey = 0x6f757463;

export async function underSchemaLock<T>(
  url: string,
  mode: 'shared' | 'exclusive',
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const suffix = mode === 'shared' ? '_shared' : '';
  try {
    await client.query(`select pg_advisory_lock${suffix}($1)`, [schemaLockKey]);
    return await work(client);
  } finally {
    await client.query(`select pg_advisory_unlock${suffix}($1)`, [schemaLockKey]).catch(() => undefined);
    await client.end();
  }
}

async function migrateOrThrow(db: Db): Promise<void> {
  const { error } = await migrateToLatest(db);
  if (error) throw error;
}

/** A campaign's id by its slug: seeded campaigns get whatever ids the database hands out. */
export async function campaignIdOf(db: Db, slug: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where('slug', '=', slug)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What the campaign's counter holds for one signature status (`confirmed`, `held`…): the sum of its rows. */
export async function countedSignatures(db: Db, campaignId: number, status: string): Promise<number> {
  const row = await db.kysely
    .selectFrom('counts')
    .select((eb) => eb.fn.sum<number | string>('n').as('n'))
    .where('campaign_id', '=', campaignId)
    .where('status', '=', status)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The id of a campaign's first target (its oldest row), for tests that give one target a state. */
export async function firstTargetId(db: Db, campaignId: number): Promise<number> {
  const row = await db.kysely
    .selectFrom('targets')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The ids of the live campaigns, oldest first (the seeded demo's, and any a test added). */
export async function liveCampaignIds(db: Db): Promise<number[]> {
  const rows = await db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where('status', '=', 'live')
    .orderBy('id')
    .execute();
  return rows.map((r) => Number(r.id));
}

/** The payloads of every job of one kind (`send-email`…), oldest first, parsed as the worker reads them. */
export async function jobPayloads<P = Record<string, unknown>>(db: Db, kind: string): Promise<P[]> {
  const rows = await db.kysely
    .selectFrom('jobs')
    .select('payload')
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
  return rows.map((r) => JSON.parse(r.payload) as P);
}

/** The actions the audit log holds about these kinds of entity (`target`, `partner`…), oldest first. */
export async function auditActions(db: Db, ...entityTypes: string[]): Promise<string[]> {
  const rows = await db.kysely
    .selectFrom('audit_events')
    .select('action')
    .where('entity_type', 'in', entityTypes)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.action);
}

/** The audit log's entries whose action starts with `prefix` (`translation.`), oldest first. */
export function auditTrail(db: Db, prefix: string): Promise<{ action: string; entity_type: string }[]> {
  return db.kysely
    .selectFrom('audit_events')
    .select(['action', 'entity_type'])
    .where('action', 'like', `${prefix}%`)
    .orderBy('id')
    .execute();
}

/** An account written straight into the table, for repository tests that need someone to act: its id. */
export async function insertUser(
  db: Db,
  user: { email: string; name: string; role: Role },
  now: number,
): Promise<number> {
  const row = await db.kysely
    .insertInto('users')
    .values({ ...user, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
