// Opens a closed campaign for signing again (closed → live), for instance when a promised release does
// not happen. It needs an end date in the future: the one given, else the one it had if still ahead.
import type { Actor } from '../account/account.js';
import { applyChange, findForDated, type LifecycleDeps, type LifecycleResult } from './lifecycle.js';

export async function reopenCampaign(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string; endDate?: string },
): Promise<LifecycleResult> {
  const found = await findForDated(deps, input, 'reopen');
  if ('refused' in found) return found.refused;
  const { campaign, now, endDate } = found;
  const endsAt = endDate ?? (campaign.endsAt !== null && campaign.endsAt > now ? campaign.endsAt : undefined);
  if (endsAt === undefined) return { status: 'invalid_date', problem: 'required' };
  return applyChange(deps, campaign, {
    action: 'reopen',
    endsAt,
    closedAt: null,
    resetReminder: true,
    actor,
    now,
  });
}
