// Volunteers' applications to translate, sent from the public "Help translate" page (decision 0038). A row
// lives only until an editor answers: accepting turns it into a translator invitation and deletes it,
// declining deletes it. Name, address and note are sealed (personal-fields.plugin.ts).
import type { Kysely } from 'kysely';
import { bigint, type Dialect, withId } from '../dialect.js';

export function translatorApplications(dialect: Dialect) {
  const big = bigint(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('translator_applications'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        /** Space-separated language tags, sorted. */
        .addColumn('languages', 'text', (c) => c.notNull())
        .addColumn('note', 'text', (c) => c.notNull())
        /** The interface language of the form: the invitation's language. */
        .addColumn('locale', 'text', (c) => c.notNull())
        .addColumn('form_nonce', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('translator_applications').execute();
    },
  };
}
