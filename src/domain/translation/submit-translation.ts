// A translator sends a complete translation for review (with whatever they typed last); the note a
// reviewer sent it back with is cleared. Submitting a published translation with nothing changed is a no-op.
import type { TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTexts, type TranslationInput, type TranslationResult } from './translation-change.js';

export function submitTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTexts(deps, viewer, input, 'submit');
}
