// Volunteer translation of campaign texts: each translation keeps the source text it was made from (so a
// translator whose source changed sees what changed), the note a reviewer sent it back with, and who last
// saved it (the board shows who and when).
import type { Kysely } from 'kysely';
import { addColumn, type Dialect, ref } from '../dialect.js';

export function translations(dialect: Dialect) {
  const fk = ref(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // JSON of the five translatable source fields at `source_revision`; null for rows saved before this.
      await addColumn(db, 'campaign_translations', 'source_snapshot', 'text');
      await addColumn(db, 'campaign_translations', 'review_note', 'text');
      await addColumn(db, 'campaign_translations', 'updated_by', fk, (c) =>
        c.references('users.id').onDelete('set null'),
      );
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('campaign_translations').dropColumn('updated_by').execute();
      await db.schema.alterTable('campaign_translations').dropColumn('review_note').execute();
      await db.schema.alterTable('campaign_translations').dropColumn('source_snapshot').execute();
    },
  };
}
