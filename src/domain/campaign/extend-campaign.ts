// Gives a live campaign more time: the new end date must be later than the current one and in the future.
// The reminder sent for the old end date is forgotten, so editors hear again a week before the new one.
import type { Actor } from '../account/account.js';
import { applyChange, findFor, type LifecycleDeps, type LifecycleResult, readEndDate } from './lifecycle.js';

export async function extendCampaign(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string; endDate: string },
): Promise<LifecycleResult> {
  const now = deps.clock.now();
  const date = readEndDate(input.endDate, now);
  if (!date.ok) return { status: 'invalid_date', problem: date.problem };
  if (date.value === undefined) return { status: 'invalid_date', problem: 'required' };
  const found = await findFor(deps, input.slug, 'extend');
  if ('refused' in found) return found.refused;
  const { campaign } = found;
  if (campaign.endsAt !== null && date.value <= campaign.endsAt) {
    return { status: 'invalid_date', problem: 'not_later' };
  }
  return applyChange(deps, campaign, {
    action: 'extend',
    endsAt: date.value,
    resetReminder: true,
    actor,
    now,
  });
}
