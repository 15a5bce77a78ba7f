// A reviewer of the language (its coordinators, editors, admins) takes a term out of its glossary.
import type { TranslationMemoryStore } from './translation.ports.js';
import { mayReviewIn, type TranslationViewer } from './translation-steps.js';

export async function removeGlossaryTerm(
  deps: { memory: TranslationMemoryStore },
  viewer: TranslationViewer,
  input: { locale: string; id: number },
): Promise<'removed' | 'not_found' | 'forbidden'> {
  if (!mayReviewIn(viewer, input.locale)) return 'forbidden';
  return (await deps.memory.removeTerm(input.locale, input.id)) ? 'removed' : 'not_found';
}
