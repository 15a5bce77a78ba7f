// A reviewer (translations:review) publishes a translation, with any corrections they typed: from then on
// the public page offers the language and letters to targets who read it use it. The store drops the
// campaign from the public pages' cache after the commit, so it shows at once.
import { mayReview, readTranslation, type TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation, type TranslationInput, type TranslationResult } from './translation-change.js';

export function publishTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTranslation(deps, viewer, input, mayReview, (work) => {
    const { texts, errors } = readTranslation(input, work.source, true);
    if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
    return { texts, status: 'published', reviewNote: null, action: 'translation.published', event: true };
  });
}
