// The base of the stores: each queries through `this.db`, the one Kysely instance database.ts opened, so a
// store's file starts with what it reads and writes (a store with more to keep calls super(db) first). `num`
// reads a count or bigint column the same way on both databases.
import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export abstract class KyselyStore {
  protected readonly db: Kysely<Database>;

  constructor(db: Db) {
    this.db = db.kysely;
  }
}

/** A count or bigint column as a number (PostgreSQL returns them as strings or bigints); null counts as 0. */
export const num = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);
