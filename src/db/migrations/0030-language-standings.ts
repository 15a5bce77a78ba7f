// A translator's standing in each of their languages (decision 0039): a plain translator saves and submits,
// a trusted one also publishes their own work, a coordinator reviews the language (publish, send back, keep
// its glossary). One column on translator_languages, so a standing goes with the language it is about.
import type { Kysely } from 'kysely';
import { addColumn, oneOf } from '../dialect.js';

export const languageStandingValues = ['translator', 'trusted', 'coordinator'] as const;

export function languageStandings() {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(
        db,
        'translator_languages',
        'standing',
        'varchar(12)',
        oneOf('standing', languageStandingValues, 'translator'),
      );
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('translator_languages').dropColumn('standing').execute();
    },
  };
}
