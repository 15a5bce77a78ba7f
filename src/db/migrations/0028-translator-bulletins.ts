// The translators' daily bulletin (docs/decisions/0037-translation-exchange-and-bulletin.md): per translator,
// when the last bulletin went out and what it listed (the watermark: only something not yet listed makes a
// new one), and whether they turned the bulletin off in their account settings.
import type { Kysely } from 'kysely';
import { columnTypes, type Dialect } from '../dialect.js';

export function translatorBulletins(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('translator_bulletins')
        .addColumn('user_id', fk, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('last_sent_at', big)
        .addColumn('last_items', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('unsubscribed_at', big)
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('translator_bulletins').execute();
    },
  };
}
