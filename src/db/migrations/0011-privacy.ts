// Supporters' rights: the my-data links and the short sessions they open (only hashes stored), and the
// record of each erasure without the data (a keyed hash of the canonical address, so a re-import of the
// same person can be refused).
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';

export const myDataTokenKinds = ['link', 'session'] as const;
export const erasureVias = ['self', 'editor', 'retention'] as const;

export function privacy(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('my_data_tokens')
        .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('kind', 'varchar(10)', oneOf('kind', myDataTokenKinds))
        // Null when the address asked for is not known: the link still exists, and shows nothing.
        .addColumn('supporter_id', fk, (c) => c.references('supporters.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('used_at', big)
        .execute();
      await addIndex(db, 'idx_my_data_tokens_supporter_id', 'my_data_tokens', ['supporter_id']);
      await addIndex(db, 'idx_my_data_tokens_expires_at', 'my_data_tokens', ['expires_at']);

      await withId(dialect, db.schema.createTable('erasures'))
        .addColumn('email_hmac', 'varchar(64)', (c) => c.notNull())
        .addColumn('via', 'varchar(20)', oneOf('via', erasureVias))
        .addColumn('signatures', 'integer', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_erasures_email_hmac', 'erasures', ['email_hmac']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('erasures').execute();
      await db.schema.dropTable('my_data_tokens').execute();
    },
  };
}
