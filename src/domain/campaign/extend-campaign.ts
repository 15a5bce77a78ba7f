// Gives a live campaign more time: the new end date must be later than the current one and in the future.
// The reminder sent for the old end date is forgotten, so editors hear again a week before the new one.
import { datedTransition } from './lifecycle.js';

export const extendCampaign = datedTransition(
  'extend',
  ({ campaign, endDate }) => {
    if (endDate === undefined) return { status: 'invalid_date', problem: 'required' };
    if (campaign.endsAt !== null && endDate <= campaign.endsAt) {
      return { status: 'invalid_date', problem: 'not_later' };
    }
    return { change: { endsAt: endDate, resetReminder: true } };
  },
  { required: true },
);
