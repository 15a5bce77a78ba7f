// Opens the one Kysely instance for the configured dialect. SQLite is the embedded default (a file under
// data/); PostgreSQL is selected by a postgres:// DATABASE_URL. Everything above this file is dialect-blind.
import { chmodSync, closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type DataVault, developmentVault } from '../security/data-keys.js';
import type { Dialect } from './dialect.js';
import { PersonalFieldsPlugin } from './personal-fields.plugin.js';
import type { Database } from './schema.js';

// node-pg returns int8 as strings; our bigints are epoch milliseconds and ids, far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export interface Db {
  readonly kysely: Kysely<Database>;
  readonly dialect: Dialect;
  /**
   * The better-sqlite3 handle under Kysely (SQLite only), for the one hot path that runs prepared
   * statements on it directly (signature.sqlite-batch.ts). Use it only inside Kysely's connection
   * (`kysely.connection().execute`), so it never runs inside another caller's open transaction.
   */
  readonly sqlite?: SQLite.Database;
  /** The data keys: Kysely seals and opens personal fields with them (personal-fields.plugin.ts). */
  readonly vault: DataVault;
  close(): Promise<void>;
}

export interface OpenDbOptions {
  /** `sqlite:path/to/file.db`, `sqlite::memory:` or `postgres://…` */
  url: string;
  /** PostgreSQL only: schema to use (tests isolate themselves this way). */
  searchPath?: string;
  poolSize?: number;
  /** The site data keys (config DATA_KEY); the public development key when not given. */
  vault?: DataVault;
}

/**
 * Kysely's SQLite driver prepares every query anew; preparing was the largest single cost in the page and
 * sign profiles. Statements are reused per SQL text (better-sqlite3 runs them synchronously, so one
 * statement is never used by two queries at once). Bounded: query shapes are finite, but `in (…)` lists
 * of different lengths make new texts.
 */
function withStatementCache(db: SQLite.Database, max = 2_000): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = db.prepare.bind(db);
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver);
      return (source: string) => {
        let statement = cache.get(source);
        if (!statement) {
          if (cache.size >= max) cache.clear();
          statement = prepare(source);
          cache.set(source, statement);
        }
        return statement;
      };
    },
  });
}

/**
 * The database file is for this user only (0600; SQLite gives its -wal and -shm files the same mode), and
 * so are the folders made for it (0700): the default 0644 let every account on the machine read every
 * supporter. A folder that already exists is left as it is (it may be /tmp or a mount point).
 */
function privateFile(file: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}

export function openDb({ url, searchPath, poolSize, vault = developmentVault() }: OpenDbOptions): Db {
  const plugins = [new PersonalFieldsPlugin(vault)];
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (file !== ':memory:') privateFile(file);
    const sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: an acknowledged signature survives power loss; group commit keeps it fast (architecture.md).
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const kysely = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
      plugins,
    });
    return { kysely, dialect: 'sqlite', sqlite, vault, close: () => kysely.destroy() };
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize ?? 10,
    ...(searchPath ? { options: `-c search_path=${searchPath}` } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
  return { kysely, dialect: 'postgres', vault, close: () => kysely.destroy() };
}
