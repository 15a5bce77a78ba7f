// Each campaign's signature log (docs/decisions/0031-signature-log.md): one row per counted signature in
// the order the log job appended it, with its RFC 6962 leaf hash and the salt its commitments were made
// with (null once the person's data is gone), and the signed tree heads published over it. A signature is
// in its campaign's log at most once; rows are never updated except to drop the salt, never deleted
// (a deleted campaign takes its log with it).
import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, withId } from '../dialect.js';

export function signatureLog(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  const bytes = dialect === 'sqlite' ? 'blob' : 'bytea';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('signature_log')
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('leaf_index', big, (c) => c.notNull())
        .addColumn('signature_id', fk, (c) => c.notNull().unique())
        .addColumn('leaf_hash', bytes, (c) => c.notNull())
        .addColumn('salt', bytes)
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_signature_log', ['campaign_id', 'leaf_index'])
        .execute();
      await withId(dialect, db.schema.createTable('signature_log_heads'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('tree_size', big, (c) => c.notNull())
        .addColumn('root_hash', bytes, (c) => c.notNull())
        .addColumn('signed_at', big, (c) => c.notNull())
        .addColumn('signature', bytes, (c) => c.notNull())
        .addUniqueConstraint('uq_signature_log_heads_campaign_size', ['campaign_id', 'tree_size'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('signature_log_heads').execute();
      await db.schema.dropTable('signature_log').execute();
    },
  };
}
