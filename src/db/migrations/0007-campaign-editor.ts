// The campaign editor: the salutation letters to targets open with and the photo's alt text (both per
// language, translators carry them over), the campaign that supersedes a closed one, the slugs a campaign
// had before (so old links redirect), and the dated updates shown on the public page.
import type { Kysely } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, withId } from '../dialect.js';

export function campaignEditor(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'campaign_translations', 'target_salutation', 'varchar(300)', (c) =>
        c.notNull().defaultTo(''),
      );
      await addColumn(db, 'campaign_translations', 'photo_alt', 'varchar(500)', (c) =>
        c.notNull().defaultTo(''),
      );
      await addColumn(db, 'campaigns', 'superseded_by', fk, (c) =>
        c.references('campaigns.id').onDelete('set null'),
      );

      // One row per slug a campaign no longer uses; the slug is unique across old and current ones (the
      // editor refuses a new slug that is another campaign's old one), so an old link never changes owner.
      await db.schema
        .createTable('campaign_slugs')
        .addColumn('slug', 'varchar(120)', (c) => c.primaryKey())
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_campaign_slugs_campaign_id', 'campaign_slugs', ['campaign_id']);

      await withId(dialect, db.schema.createTable('campaign_updates'))
        .addColumn('campaign_id', fk, (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
        // A calendar day, YYYY-MM-DD: what the page shows ("12 March"), sorts as text.
        .addColumn('day', 'varchar(10)', (c) => c.notNull())
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('body_md', 'text', (c) => c.notNull())
        .addColumn('created_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await addIndex(db, 'idx_campaign_updates_campaign_id_day', 'campaign_updates', ['campaign_id', 'day']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('campaign_updates').execute();
      await db.schema.dropTable('campaign_slugs').execute();
      await db.schema.alterTable('campaigns').dropColumn('superseded_by').execute();
      await db.schema.alterTable('campaign_translations').dropColumn('photo_alt').execute();
      await db.schema.alterTable('campaign_translations').dropColumn('target_salutation').execute();
    },
  };
}
