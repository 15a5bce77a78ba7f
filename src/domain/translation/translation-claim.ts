// Claims (decision 0042): a volunteer says "I'll translate this" on a missing or stale language of a
// campaign so colleagues see who is on it. A claim is advisory, never a lock: anyone who may translate the
// language still may open and save it. It ends when its holder saves, when the holder or a reviewer of the
// language releases it, or when it lapses, 14 days after it was made, computed when it is read.
//
//   unclaimed ──claim──► claimed ──holder saves / release / 14 days──► unclaimed
import { isStale, mayReviewIn, mayTranslate, type TranslationViewer } from './translation-steps.js';

/** Two weeks: long enough for a volunteer's evenings, short enough that a language is not held for long. */
export const claimLapseMs = 14 * 86_400_000;

/** A stored claim with its holder's name, lapsed or not. */
export interface TranslationClaim {
  locale: string;
  userId: number;
  /** The holder's name as their account gives it. */
  name: string;
  claimedAt: number;
}

/** A claim holds until 14 days after it was made. */
export function claimHolds(claim: { claimedAt: number }, now: number): boolean {
  return now < claim.claimedAt + claimLapseMs;
}

/** The claim as it stands now: undefined when there is none or it lapsed. */
export function activeClaim<C extends { claimedAt: number }>(
  claim: C | undefined,
  now: number,
): C | undefined {
  return claim && claimHolds(claim, now) ? claim : undefined;
}

/** A language wants a translator: none is stored, or the source moved on since it was translated. */
export function wantsTranslator(
  translation: { sourceRevision: number } | null | undefined,
  sourceRevision: number,
): boolean {
  return !translation || isStale(translation, sourceRevision);
}

export type ClaimRefusal = 'forbidden' | 'not_needed' | 'taken';

/** Why this viewer may not claim the language now, or null when they may. */
export function claimRefusal(
  viewer: TranslationViewer,
  locale: string,
  state: {
    translation: { sourceRevision: number } | null | undefined;
    sourceRevision: number;
    claim: { claimedAt: number } | undefined;
    now: number;
  },
): ClaimRefusal | null {
  if (!mayTranslate(viewer, locale)) return 'forbidden';
  if (activeClaim(state.claim, state.now)) return 'taken';
  if (!wantsTranslator(state.translation, state.sourceRevision)) return 'not_needed';
  return null;
}

/** The holder lets their claim go; a reviewer of the language (decision 0039) ends anyone's. */
export function mayRelease(viewer: TranslationViewer, claim: { userId: number; locale: string }): boolean {
  return (
    (viewer.id === claim.userId && mayTranslate(viewer, claim.locale)) || mayReviewIn(viewer, claim.locale)
  );
}
