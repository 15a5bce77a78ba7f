// The few places where SQLite and PostgreSQL DDL differ, kept in one file so migrations stay portable.
import {
  type AlterTableBuilder,
  type ColumnBuilderCallback,
  type ColumnDefinitionBuilder,
  type CreateTableBuilder,
  type Kysely,
  sql,
} from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

/** An auto-assigned integer primary key: SQLite's rowid alias, PostgreSQL's identity column. */
export function withId<T extends string>(
  dialect: Dialect,
  table: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, 'id'> {
  return dialect === 'sqlite'
    ? table.addColumn('id', 'integer', (c) => c.primaryKey().notNull())
    : table.addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity());
}

/** Epoch milliseconds (timestamps) and other counters beyond 2^31. */
export const bigint = (dialect: Dialect) => (dialect === 'sqlite' ? 'integer' : 'bigint');

/** A foreign key column of the same type as `withId`. */
export const ref = (dialect: Dialect) => bigint(dialect);

/** The two column types every migration names: `big` for times and counters, `fk` for references. */
export function columnTypes(dialect: Dialect) {
  return { big: bigint(dialect), fk: ref(dialect) } as const;
}

export const notNull = (c: ColumnDefinitionBuilder) => c.notNull();

/** CHECK (col IN (...)) mirroring a string-literal union and its const array. */
export function inList(column: string, values: readonly string[]): string {
  return `${column} in (${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ')})`;
}

/** CREATE INDEX, one line a migration: every index is plain (no UNIQUE, no WHERE) and named by hand. */
export function addIndex(db: Kysely<unknown>, name: string, table: string, columns: string[]): Promise<void> {
  return db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** ALTER TABLE … ADD COLUMN, one line a migration. */
export function addColumn(
  db: Kysely<unknown>,
  table: string,
  column: string,
  type: Parameters<AlterTableBuilder['addColumn']>[1],
  build: ColumnBuilderCallback = (c) => c,
): Promise<void> {
  return db.schema.alterTable(table).addColumn(column, type, build).execute();
}

/** NOT NULL, a default where given, and CHECK (column IN values): a status-like column's whole definition. */
export function oneOf(column: string, values: readonly string[], fallback?: string): ColumnBuilderCallback {
  return (c) => {
    const required = c.notNull();
    return (fallback === undefined ? required : required.defaultTo(fallback)).check(
      sql.raw(inList(column, values)),
    );
  };
}
