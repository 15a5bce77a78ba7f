// Gives a live campaign more time: the new end date must be later than the current one and in the future.
// The reminder sent for the old end date is forgotten, so editors hear again a week before the new one.
import type { Actor } from '../account/account.js';
import { applyChange, findForDated, type LifecycleDeps, type LifecycleResult } from './lifecycle.js';

export async function extendCampaign(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string; endDate: string },
): Promise<LifecycleResult> {
  const found = await findForDated(deps, input, 'extend', { required: true });
  if ('refused' in found) return found.refused;
  const { campaign, now, endDate } = found;
  if (endDate === undefined) return { status: 'invalid_date', problem: 'required' };
  if (campaign.endsAt !== null && endDate <= campaign.endsAt) {
    return { status: 'invalid_date', problem: 'not_later' };
  }
  return applyChange(deps, campaign, {
    action: 'extend',
    endsAt: endDate,
    resetReminder: true,
    actor,
    now,
  });
}
