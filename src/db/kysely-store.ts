// The base of the stores: each queries through `this.db`, the one Kysely instance database.ts opened, so a
// store's file starts with what it reads and writes (a store with more to keep calls super(db) first).
import type { Kysely } from 'kysely';
import type { Db } from './database.js';
import type { Database } from './schema.js';

export abstract class KyselyStore {
  protected readonly db: Kysely<Database>;

  constructor(db: Db) {
    this.db = db.kysely;
  }
}
