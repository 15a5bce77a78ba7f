// Puts a reviewed campaign on the public site (in_review → live). Its source-language text must be
// published (a live page with nothing to show is worse than a late launch); the start date is now unless
// one was set, and the end date is the one given, else the one already set, else through the day three
// calendar months from now — never one already past.
import type { Actor } from '../account/account.js';
import {
  applyChange,
  defaultEndDate,
  findForDated,
  type LifecycleDeps,
  type LifecycleResult,
} from './lifecycle.js';

export async function launchCampaign(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string; endDate?: string },
): Promise<LifecycleResult> {
  const found = await findForDated(deps, input, 'launch');
  if ('refused' in found) return found.refused;
  const { campaign, now, endDate } = found;
  if (!campaign.hasPublishedSource) return { status: 'no_source_text' };
  const endsAt = endDate ?? campaign.endsAt ?? defaultEndDate(now);
  if (endsAt <= now) return { status: 'invalid_date', problem: 'past' };
  return applyChange(deps, campaign, {
    action: 'launch',
    startsAt: campaign.startsAt ?? now,
    endsAt,
    closedAt: null,
    resetReminder: true,
    actor,
    now,
  });
}
