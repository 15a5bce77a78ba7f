// The base of the stores: each queries through `this.db`, the one Kysely instance database.ts opened, so a
// store's file starts with what it reads and writes (a store with more to keep calls super(db) first). `num`
// reads a count or bigint column the same way on both databases; `insertRows` inserts a list, maybe empty.
import type { Insertable, Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database, DbHandle } from './schema.js';

export abstract class KyselyStore {
  protected readonly db: Kysely<Database>;

  constructor(db: Db) {
    this.db = db.kysely;
  }
}

/** A count or bigint column as a number (PostgreSQL returns them as strings or bigints); null counts as 0. */
export const num = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);

/** Inserts the rows with one statement, or none when there are no rows (no rows is not a valid insert). */
export async function insertRows<T extends keyof Database & string>(
  db: DbHandle,
  table: T,
  rows: readonly Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto(table).values(rows).execute();
}
