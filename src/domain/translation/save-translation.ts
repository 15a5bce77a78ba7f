// Saves a translation as it stands (a draft may be incomplete). A reviewer's save keeps the status; a
// translator's changed text on a published translation takes it back to draft, to be reviewed again.
import type { TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTexts, type TranslationInput, type TranslationResult } from './translation-change.js';

export function saveTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTexts(deps, viewer, input, 'save');
}
