// Account scopes: which campaigns a partner account is attached to (it reads the reports of those only),
// and which languages a translator account works in (it sees the translation status of those only).
// Rows go with their account or campaign; who added them is kept for the audit trail's sake.
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect } from '../dialect.js';

export function accountScopes(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('partner_campaigns')
        .addColumn('user_id', fk, (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_partner_campaigns', ['user_id', 'campaign_id'])
        .execute();
      // The campaign page lists the partner accounts with access: look them up by campaign too.
      await addIndex(db, 'idx_partner_campaigns_campaign_id', 'partner_campaigns', ['campaign_id']);

      await db.schema
        .createTable('translator_languages')
        .addColumn('user_id', fk, (c) => c.notNull().references('users.id').onDelete('cascade'))
        // A language tag as campaign translations store it (en, pt-BR, sr-Latn).
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_translator_languages', ['user_id', 'locale'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('translator_languages').execute();
      await db.schema.dropTable('partner_campaigns').execute();
    },
  };
}
