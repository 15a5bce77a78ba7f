// The one path every translation use case writes through: load the campaign in the language, check who
// is asking, read the form, refuse a form filled from an older copy (someone saved meanwhile, or the source
// changed under it), then write with its audit entry. The use cases decide only the new status and note.
import type { TranslationStatus } from '../campaign/campaign.js';
import {
  isStale,
  sourceTexts,
  type TranslatableField,
  type TranslatableTexts,
  type TranslationErrors,
  type TranslationViewer,
  type TranslationWork,
  translatableFields,
  workToken,
} from './translation.js';
import type { TranslationAction, TranslationDeps } from './translation.ports.js';

/** What the side-by-side form sends, as typed. */
export interface TranslationInput extends TranslatableTexts {
  slug: string;
  locale: string;
  token: string;
  /** The translator brought the text up to date with the changed source. */
  markUpdated: boolean;
}

export type TranslationResult =
  | { status: 'saved'; translationStatus: TranslationStatus }
  | { status: 'unchanged' }
  | { status: 'not_found' }
  | { status: 'forbidden' }
  | { status: 'invalid'; errors: TranslationErrors; noteMissing?: boolean }
  /** Not possible in the translation's present state (send back what is not in review). */
  | { status: 'wrong_state' }
  | { status: 'stale'; current: TranslationWork };

export interface Plan {
  texts: TranslatableTexts;
  status: TranslationStatus;
  reviewNote: string | null;
  action: TranslationAction;
  /** Write even when nothing else changed (a submit, a publish, a send back is an event of its own). */
  event: boolean;
}

export async function changeTranslation(
  deps: TranslationDeps,
  viewer: TranslationViewer,
  input: Pick<TranslationInput, 'slug' | 'locale' | 'token' | 'markUpdated'>,
  allowed: (viewer: TranslationViewer, locale: string) => boolean,
  plan: (work: TranslationWork) => Plan | Exclude<TranslationResult, { status: 'saved' }>,
): Promise<TranslationResult> {
  const work = await deps.translations.work(input.slug, input.locale);
  if (!work || work.locale === work.sourceLocale) return { status: 'not_found' };
  if (!allowed(viewer, work.locale)) return { status: 'forbidden' };
  const decided = plan(work);
  if (!('action' in decided)) return decided;
  if (input.token !== workToken(work)) return { status: 'stale', current: work };

  const t = work.translation;
  const upToDate = t === null || !isStale(t, work.source.revision) || input.markUpdated;
  const sourceRevision = upToDate ? work.source.revision : t.sourceRevision;
  const sourceSnapshot = upToDate ? sourceTexts(work.source) : t.sourceSnapshot;
  const changedFields: TranslatableField[] = translatableFields.filter(
    (k) => t === null || t[k] !== decided.texts[k],
  );
  const moved = t === null || t.status !== decided.status || t.sourceRevision !== sourceRevision;
  if (!decided.event && changedFields.length === 0 && !moved) return { status: 'unchanged' };

  const pick = (from: TranslatableTexts | null) =>
    Object.fromEntries(changedFields.map((k) => [k, from ? from[k] : null]));
  const outcome = await deps.translations.write({
    campaignId: work.campaignId,
    slug: work.slug,
    locale: work.locale,
    expectedToken: input.token,
    after: {
      ...decided.texts,
      status: decided.status,
      sourceRevision,
      sourceSnapshot,
      reviewNote: decided.reviewNote,
    },
    action: decided.action,
    audit: {
      before: {
        locale: work.locale,
        status: t?.status ?? 'missing',
        sourceRevision: t?.sourceRevision ?? null,
        ...pick(t),
      },
      after: {
        locale: work.locale,
        status: decided.status,
        sourceRevision,
        ...pick(decided.texts),
        ...(decided.reviewNote ? { note: decided.reviewNote } : {}),
      },
    },
    actor: { id: viewer.id, email: viewer.email },
    now: deps.clock.now(),
  });
  if (outcome === 'saved') return { status: 'saved', translationStatus: decided.status };
  const current = await deps.translations.work(input.slug, input.locale);
  return current ? { status: 'stale', current } : { status: 'not_found' };
}
