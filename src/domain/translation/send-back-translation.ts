// A reviewer returns a translation that is in review to its translator as a draft, with a note saying what
// to change. The texts stay as submitted; the note shows on the editor until it is submitted again.
import { normaliseText } from '../signature/text.js';
import { mayReview, sourceTexts, type TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { changeTranslation, type TranslationInput, type TranslationResult } from './translation-change.js';

export const reviewNoteMax = 2_000;

export function sendBackTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: Pick<TranslationInput, 'slug' | 'locale' | 'token'> & { note: string },
): Promise<TranslationResult> {
  return changeTranslation(deps, viewer, { ...input, markUpdated: false }, mayReview, (work) => {
    const t = work.translation;
    if (t === null || t.status !== 'in_review') return { status: 'wrong_state' };
    const note = normaliseText(input.note, { max: reviewNoteMax });
    if (!note.ok) return { status: 'invalid', errors: {}, noteMissing: true };
    return {
      texts: sourceTexts(t),
      status: 'draft',
      reviewNote: note.value,
      action: 'translation.sent_back',
      event: true,
    };
  });
}
