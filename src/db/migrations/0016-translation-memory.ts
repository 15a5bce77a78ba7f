// Translation work beyond the editor (issue 17, decision 0026). Signatures record the language of the
// words the supporter actually sent (the campaign text they saw, not the interface language), and null
// when they sent the default message unchanged, so letters never quote the default text as their own.
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.js';

export function translationMemory(_dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('signatures').addColumn('message_locale', 'varchar(20)').execute();
      // Earlier signatures keep what letters did with them: their words in the signature's language.
      await sql`update signatures set message_locale = locale`.execute(db);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('signatures').dropColumn('message_locale').execute();
    },
  };
}
