// Row type of a language's glossary (migration 0016-translation-memory).
import type { Generated } from 'kysely';

/** One language's rendering of a source term, kept by its reviewers. */
export interface GlossaryTermsTable {
  id: Generated<number>;
  locale: string;
  term: string;
  rendering: string;
  note: string | null;
  updated_by: number | null;
  updated_at: number;
}
