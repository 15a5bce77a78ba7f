// A language's glossary page: translators of the language read it, its reviewers (the language's
// coordinators, editors and admins) keep it.

import type { TranslationMemoryStore } from './translation.ports.js';
import type { GlossaryTerm } from './translation-memory.js';
import { mayReviewIn, mayTranslate, type TranslationViewer } from './translation-steps.js';

export type GlossaryView =
  | { status: 'ok'; terms: GlossaryTerm[]; canEdit: boolean }
  | { status: 'forbidden' };

export async function viewGlossary(
  deps: { memory: TranslationMemoryStore },
  viewer: TranslationViewer,
  locale: string,
): Promise<GlossaryView> {
  if (!mayTranslate(viewer, locale)) return { status: 'forbidden' };
  return { status: 'ok', terms: await deps.memory.glossary(locale), canEdit: mayReviewIn(viewer, locale) };
}
