// Claims on a campaign's language (decision 0042): a volunteer says "I'll translate this" so colleagues see
// who is on it. One claim per campaign and language; it goes with the campaign or the account. Lapsed
// claims are not swept: they are read as missing (translation-claim.ts) and replaced by the next claim.
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect } from '../dialect.js';

export function translationClaims(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('translation_claims')
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('user_id', fk, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('claimed_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('translation_claims_pkey', ['campaign_id', 'locale'])
        .execute();
      await addIndex(db, 'idx_translation_claims_user_id', 'translation_claims', ['user_id']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('translation_claims').execute();
    },
  };
}
