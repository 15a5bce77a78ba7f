// A reviewer of the language (or a trusted translator, their own work: decision 0039) publishes a translation, with any corrections they typed: from then on
// the public page offers the language and letters to targets who read it use it. The store drops the
// campaign from the public pages' cache after the commit, so it shows at once.
import type { TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTexts, type TranslationInput, type TranslationResult } from './translation-change.js';

export function publishTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTexts(deps, viewer, input, 'publish');
}
