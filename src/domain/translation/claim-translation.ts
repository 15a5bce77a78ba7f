// "I'll translate this": a translator (or a reviewer) of a language claims it on a campaign where it is
// missing or stale, so colleagues see who is on it (decision 0042). Refused while a colleague's claim holds.

import type { TranslationClaimDeps } from './translation.ports.js';
import {
  activeClaim,
  type ClaimRefusal,
  claimLapseMs,
  claimRefusal,
  type TranslationClaim,
} from './translation-claim.js';
import type { TranslationViewer } from './translation-steps.js';

export type ClaimResult =
  | { status: 'claimed' }
  | { status: 'not_found' }
  | { status: Exclude<ClaimRefusal, 'taken'> }
  /** The claim that holds the language, when it could be read. */
  | { status: 'taken'; claim: TranslationClaim | undefined };

export async function claimTranslation(
  deps: TranslationClaimDeps,
  viewer: TranslationViewer,
  input: { slug: string; locale: string },
): Promise<ClaimResult> {
  const work = await deps.translations.work(input.slug, input.locale);
  if (!work || work.locale === work.sourceLocale) return { status: 'not_found' };
  const now = deps.clock.now();
  const held = await deps.claims.claimOf(work.campaignId, work.locale);
  const refusal = claimRefusal(viewer, work.locale, {
    translation: work.translation,
    sourceRevision: work.source.revision,
    claim: held,
    now,
  });
  if (refusal === 'taken') return { status: 'taken', claim: activeClaim(held, now) };
  if (refusal) return { status: refusal };
  const stored = await deps.claims.claim({
    campaignId: work.campaignId,
    locale: work.locale,
    actor: { id: viewer.id, email: viewer.email },
    now,
    lapsedBefore: now - claimLapseMs,
  });
  if (stored) return { status: 'claimed' };
  // A colleague claimed it between our read and our write.
  return {
    status: 'taken',
    claim: activeClaim(await deps.claims.claimOf(work.campaignId, work.locale), now),
  };
}
