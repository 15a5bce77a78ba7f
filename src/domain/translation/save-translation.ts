// Saves a translation as it stands (a draft may be incomplete). A reviewer's save keeps the status; a
// translator's changed text on a published translation takes it back to draft, to be reviewed again.
import {
  mayReview,
  mayTranslate,
  readTranslation,
  sameTexts,
  type TranslationViewer,
} from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation, type TranslationInput, type TranslationResult } from './translation-change.js';

export function saveTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
): Promise<TranslationResult> {
  return changeTranslation(deps, viewer, input, mayTranslate, (work) => {
    const { texts, errors } = readTranslation(input, work.source, false);
    if (Object.keys(errors).length > 0) return { status: 'invalid', errors };
    const t = work.translation;
    const status =
      t === null
        ? 'draft'
        : t.status === 'published' && !mayReview(viewer) && !sameTexts(t, texts)
          ? 'draft'
          : t.status;
    return { texts, status, reviewNote: t?.reviewNote ?? null, action: 'translation.saved', event: false };
  });
}
