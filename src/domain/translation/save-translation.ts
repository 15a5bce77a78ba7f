// Saves a translation as it stands (a draft may be incomplete). A reviewer's save keeps the status; a
// translator's changed text on a published translation takes it back to draft, to be reviewed again.
import type { TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import {
  changeTranslation,
  type TranslationInput,
  type TranslationResult,
  typedTexts,
} from './translation-change.js';

export function saveTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  const { token, markUpdated } = input;
  return changeTranslation(deps, viewer, input, {
    intent: 'save',
    token,
    markUpdated,
    texts: typedTexts(input),
  });
}
