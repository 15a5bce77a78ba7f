// A reviewer takes a term out of a language's glossary.
import type { TranslationMemoryStore } from './translation.ports.js';
import { mayReview, type TranslationViewer } from './translation-steps.js';

export async function removeGlossaryTerm(
  deps: { memory: TranslationMemoryStore },
  viewer: TranslationViewer,
  input: { locale: string; id: number },
): Promise<'removed' | 'not_found' | 'forbidden'> {
  if (!mayReview(viewer)) return 'forbidden';
  return (await deps.memory.removeTerm(input.locale, input.id)) ? 'removed' : 'not_found';
}
