// Volunteers' corrections of interface strings made in the app (issue 17, decision 0036): one row per
// language and key, layered over the shipped catalog, with who changed it, when and the text it replaced;
// and one version number every web process reads cheaply to learn that the layer changed.
import type { Kysely } from 'kysely';
import { columnTypes, type Dialect, withId } from '../dialect.js';

export function interfaceOverrides(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withId(dialect, db.schema.createTable('interface_overrides'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        .addColumn('key', 'varchar(200)', (c) => c.notNull())
        // Null when the shipped text is kept and only marked reviewed.
        .addColumn('message', 'text')
        // What the site showed before this change (the shipped text or an earlier correction).
        .addColumn('previous_message', 'text', (c) => c.notNull())
        // Hash of the English message the text was written or reviewed against (review.ts sourceHash).
        .addColumn('source_hash', 'varchar(10)', (c) => c.notNull())
        .addColumn('reviewed_at', big)
        .addColumn('updated_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', big, (c) => c.notNull())
        .addUniqueConstraint('uq_interface_overrides_locale_key', ['locale', 'key'])
        .execute();
      await db.schema
        .createTable('interface_override_versions')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', big, (c) => c.notNull())
        .execute();
      await db
        .insertInto('interface_override_versions' as never)
        .values({ id: 1, version: 0 } as never)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('interface_override_versions').execute();
      await db.schema.dropTable('interface_overrides').execute();
    },
  };
}
