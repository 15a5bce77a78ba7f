// Union campaign requests: the partnership terms (immutable versions, one language each), the requests
// from the public form with the terms version their sender accepted, and endorsements recorded by editors.
// Status lists are copied here on purpose, not imported from the domain.
import type { Kysely } from 'kysely';
import { addIndex, columnTypes, type Dialect, oneOf, withId } from '../dialect.js';

export function intake(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('partnership_terms'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('body_md', 'text', (c) => c.notNull())
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_partnership_terms_locale_id', 'partnership_terms', ['locale', 'id']);

      await withId(dialect, db.schema.createTable('campaign_requests'))
        .addColumn(
          'status',
          'varchar(20)',
          oneOf('status', ['waiting', 'changes_requested', 'approved', 'declined']),
        )
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('contact_locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('org_name', 'varchar(300)', (c) => c.notNull())
        .addColumn('org_description', 'text', (c) => c.notNull())
        .addColumn('org_website', 'varchar(2000)')
        .addColumn('org_logo_path', 'varchar(500)')
        .addColumn('contact_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('contact_email', 'varchar(320)', (c) => c.notNull())
        .addColumn('headline', 'varchar(300)', (c) => c.notNull())
        .addColumn('background_md', 'text', (c) => c.notNull())
        .addColumn('default_message', 'text', (c) => c.notNull())
        .addColumn('more_info_url', 'varchar(2000)')
        .addColumn('photo_path', 'varchar(500)')
        // JSON [{ name, email }]: a snapshot copied to the campaign's targets on approval.
        .addColumn('targets_json', 'text', (c) => c.notNull())
        .addColumn('terms_id', fk, (c) => c.notNull().references('partnership_terms.id'))
        .addColumn('terms_accepted_at', big, (c) => c.notNull())
        .addColumn('form_nonce', 'varchar(64)', (c) => c.notNull().unique())
        .addColumn('ip_hash', 'varchar(64)')
        .addColumn('campaign_id', fk, (c) => c.references('campaigns.id').onDelete('set null'))
        .addColumn('decision_note', 'text')
        .addColumn('decided_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('decided_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_campaign_requests_status_created_at', 'campaign_requests', [
        'status',
        'created_at',
      ]);

      await withId(dialect, db.schema.createTable('request_endorsements'))
        .addColumn('request_id', fk, (c) =>
          c.notNull().references('campaign_requests.id').onDelete('cascade'),
        )
        .addColumn('name', 'varchar(300)', (c) => c.notNull())
        .addColumn('url', 'varchar(2000)')
        .addColumn('note', 'text')
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_request_endorsements_request_id', 'request_endorsements', ['request_id']);
    },

    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['request_endorsements', 'campaign_requests', 'partnership_terms']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
