// Partner reports (docs/decisions/0032-partner-reports.md): a revocable, expiring secret link per partner
// organisation and campaign that opens the campaign's live report without an account. Only the link's
// SHA-256 is stored; every use is counted here and written to the audit log.
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect, withId } from '../dialect.js';

export function partnerReportLinks(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('partner_report_links'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('partner_id', fk, (c) => c.notNull().references('partners.id').onDelete('cascade'))
        .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('revoked_at', big)
        .addColumn('last_used_at', big)
        .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await addIndex(db, 'idx_partner_report_links_campaign', 'partner_report_links', ['campaign_id', 'id']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('partner_report_links').execute();
    },
  };
}
