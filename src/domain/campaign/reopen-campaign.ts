// Opens a closed campaign for signing again (closed → live), for instance when a promised release does
// not happen. It needs an end date in the future: the one given, else the one it had if still ahead.
import { datedTransition } from './lifecycle.js';

export const reopenCampaign = datedTransition('reopen', ({ campaign, now, endDate }) => {
  const endsAt = endDate ?? (campaign.endsAt !== null && campaign.endsAt > now ? campaign.endsAt : undefined);
  if (endsAt === undefined) return { status: 'invalid_date', problem: 'required' };
  return { change: { endsAt, closedAt: null, resetReminder: true } };
});
