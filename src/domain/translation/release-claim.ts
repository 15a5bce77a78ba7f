// Ends a claim on a campaign's language before it lapses (decision 0042): its holder gives it up, or a
// reviewer of the language frees it for someone else.

import type { TranslationClaimDeps } from './translation.ports.js';
import { activeClaim, mayRelease } from './translation-claim.js';
import type { TranslationViewer } from './translation-steps.js';

export type ReleaseResult = { status: 'released' | 'none' | 'not_found' | 'forbidden' };

export async function releaseClaim(
  deps: TranslationClaimDeps,
  viewer: TranslationViewer,
  input: { slug: string; locale: string },
): Promise<ReleaseResult> {
  const work = await deps.translations.work(input.slug, input.locale);
  if (!work || work.locale === work.sourceLocale) return { status: 'not_found' };
  const now = deps.clock.now();
  const claim = activeClaim(await deps.claims.claimOf(work.campaignId, work.locale), now);
  if (!claim) return { status: 'none' };
  if (!mayRelease(viewer, claim)) return { status: 'forbidden' };
  const released = await deps.claims.release({
    campaignId: work.campaignId,
    locale: work.locale,
    holderId: claim.userId,
    actor: { id: viewer.id, email: viewer.email },
    now,
  });
  return { status: released ? 'released' : 'none' };
}
