// A reviewer returns a translation that is in review to its translator as a draft, with a note saying what
// to change. The texts stay as submitted; the note shows on the editor until it is submitted again.
import type { TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation, type TranslationResult } from './translation-change.js';

export function sendBackTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: { slug: string; locale: string; token: string; note: string },
): Promise<TranslationResult> {
  return changeTranslation(deps, viewer, input, {
    intent: 'send-back',
    token: input.token,
    note: input.note,
  });
}
