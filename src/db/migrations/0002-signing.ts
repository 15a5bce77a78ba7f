// Signing: settings that operators change live (rate limits) and the lookups the confirm page and the
// resend rule need.
import type { Kysely } from 'kysely';
import { addIndex, bigint, type Dialect } from '../dialect.js';

export function signing(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', bigint(dialect), (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_signatures_confirm_token_hash', 'signatures', ['confirm_token_hash']);
      await addIndex(db, 'idx_signatures_status_created_at', 'signatures', ['status', 'created_at']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('idx_signatures_status_created_at').execute();
      await db.schema.dropIndex('idx_signatures_confirm_token_hash').execute();
      await db.schema.dropTable('settings').execute();
    },
  };
}
