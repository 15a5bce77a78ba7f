// A translator sends a complete translation for review (with whatever they typed last); the note a
// reviewer sent it back with is cleared. Submitting a published translation with nothing changed is a no-op.
import { isStale, mayTranslate, readTranslation, sameTexts, type TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation, type TranslationInput, type TranslationResult } from './translation-change.js';

export function submitTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTranslation(deps, viewer, input, mayTranslate, (work) => {
    const { texts, errors } = readTranslation(input, work.source, true);
    if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
    const t = work.translation;
    const stale = t !== null && isStale(t, work.source.revision);
    if (t?.status === 'published' && sameTexts(t, texts) && !(stale && input.markUpdated)) {
      return { status: 'unchanged' };
    }
    return { texts, status: 'in_review', reviewNote: null, action: 'translation.submitted', event: true };
  });
}
