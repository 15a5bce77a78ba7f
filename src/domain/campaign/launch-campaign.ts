// Puts a reviewed campaign on the public site (in_review → live). Its source-language text must be
// published (a live page with nothing to show is worse than a late launch); the start date is now unless
// one was set, and the end date is the one given, else the one already set, else through the day three
// calendar months from now — never one already past.
import { datedTransition, defaultEndDate } from './lifecycle.js';

export const launchCampaign = datedTransition('launch', ({ campaign, now, endDate }) => {
  if (!campaign.hasPublishedSource) return { status: 'no_source_text' };
  const endsAt = endDate ?? campaign.endsAt ?? defaultEndDate(now);
  if (endsAt <= now) return { status: 'invalid_date', problem: 'past' };
  return { change: { startsAt: campaign.startsAt ?? now, endsAt, closedAt: null, resetReminder: true } };
});
