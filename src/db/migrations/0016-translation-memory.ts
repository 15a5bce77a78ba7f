// Translation work beyond the editor (issue 17, decision 0026). Signatures record the language of the
// words the supporter actually sent (the campaign text they saw, not the interface language), and null
// when they sent the default message unchanged, so letters never quote the default text as their own.
// Each language gets a glossary its reviewers keep (the union movement's terms, the ILO's convention
// names), and the translation memory's lookup (published versions in one language) gets an index.
import { type Kysely, sql } from 'kysely';
import { addColumn, addIndex, columnTypes, type Dialect, withId } from '../dialect.js';

export function translationMemory(dialect: Dialect) {
  const { big, fk } = columnTypes(dialect);
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'signatures', 'message_locale', 'varchar(20)');
      // Earlier signatures keep what letters did with them: their words in the signature's language.
      await sql`update signatures set message_locale = locale`.execute(db);

      await withId(dialect, db.schema.createTable('glossary_terms'))
        .addColumn('locale', 'varchar(20)', (c) => c.notNull())
        // The source-language term as it appears in campaign texts, and how this language says it.
        .addColumn('term', 'varchar(200)', (c) => c.notNull())
        .addColumn('rendering', 'varchar(200)', (c) => c.notNull())
        .addColumn('note', 'varchar(500)')
        .addColumn('updated_by', fk, (c) => c.references('users.id').onDelete('set null'))
        .addColumn('updated_at', big, (c) => c.notNull())
        .addUniqueConstraint('uq_glossary_terms_locale_term', ['locale', 'term'])
        .execute();
      await addIndex(db, 'idx_campaign_translations_locale_status', 'campaign_translations', [
        'locale',
        'status',
      ]);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('idx_campaign_translations_locale_status').execute();
      await db.schema.dropTable('glossary_terms').execute();
      await db.schema.alterTable('signatures').dropColumn('message_locale').execute();
    },
  };
}
