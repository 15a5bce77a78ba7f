// A campaign's texts through the shared translation steps (translation-steps.ts): load the campaign in
// the language, take the step, and write it with the source snapshot the editor's "source changed" shows.
// The campaign use cases beside this file each name the button they stand for.
import type { TranslationStatus } from '../campaign/campaign.js';
import {
  campaignTextSpec,
  sourceTexts,
  type TranslatableField,
  type TranslatableTexts,
  type TranslationViewer,
  type TranslationWork,
} from './translation.js';
import type { TranslationDeps } from './translation.ports.js';
import { runStep, type StepInput, type StepResult } from './translation-steps.js';

/** What the side-by-side form sends, as typed. */
export interface TranslationInput extends TranslatableTexts {
  slug: string;
  locale: string;
  token: string;
  /** The translator brought the text up to date with the changed source. */
  markUpdated: boolean;
}

export type TranslationResult = StepResult<TranslatableField, TranslationWork>;

export function changeTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  /** madeFrom: the texts were made from this older source revision (an uploaded file): they stay stale. */
  at: { slug: string; locale: string; madeFrom?: number },
  input: StepInput<TranslatableField>,
): Promise<TranslationResult> {
  return runStep(
    campaignTextSpec,
    {
      load: () => deps.translations.work(at.slug, at.locale),
      write: (work, change) => {
        const t = work.translation;
        const older = at.madeFrom !== undefined && at.madeFrom < change.sourceRevision;
        const sourceRevision = older ? at.madeFrom! : change.sourceRevision;
        // Texts made from an older source keep that revision; its snapshot is known only if stored.
        const sourceSnapshot: TranslatableTexts | null = older
          ? t?.sourceRevision === sourceRevision
            ? t.sourceSnapshot
            : null
          : change.upToDate || t === null
            ? sourceTexts(work.source)
            : t.sourceSnapshot;
        return deps.translations.write({
          campaignId: work.campaignId,
          slug: work.slug,
          locale: work.locale,
          expectedToken: change.expectedToken,
          after: {
            ...change.texts,
            status: change.status satisfies TranslationStatus,
            sourceRevision,
            sourceSnapshot,
            reviewNote: change.reviewNote,
          },
          action: change.action,
          audit: change.audit,
          actor: change.actor,
          now: change.now,
        });
      },
    },
    () => deps.clock.now(),
    viewer,
    input,
  );
}

/** The form's texts out of its other fields. */
const typedTexts = (input: TranslationInput): TranslatableTexts => sourceTexts(input);

/** A step that takes the texts as typed: save, submit or publish. */
export function changeTexts(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: TranslationInput,
  intent: 'save' | 'submit' | 'publish',
): Promise<TranslationResult> {
  const { token, markUpdated } = input;
  return changeTranslation(deps, viewer, input, { intent, token, markUpdated, texts: typedTexts(input) });
}
