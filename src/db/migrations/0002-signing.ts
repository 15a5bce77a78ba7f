// Signing: settings that operators change live (rate limits) and the lookups the confirm page and the
// resend rule need.
import type { Kysely } from 'kysely';
import { bigint, type Dialect } from '../dialect.js';

export function signing(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('settings')
        .addColumn('key', 'varchar(100)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .addColumn('updated_at', bigint(dialect), (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('idx_signatures_confirm_token_hash')
        .on('signatures')
        .column('confirm_token_hash')
        .execute();
      await db.schema
        .createIndex('idx_signatures_status_created_at')
        .on('signatures')
        .columns(['status', 'created_at'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('idx_signatures_status_created_at').execute();
      await db.schema.dropIndex('idx_signatures_confirm_token_hash').execute();
      await db.schema.dropTable('settings').execute();
    },
  };
}
