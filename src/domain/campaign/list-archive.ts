// The archive: every closed campaign, most recently closed first, with its dates, supporters and outcome.
// Campaigns that drew more than ten thousand supporters are marked: they are the movement's records.
import type { CampaignWithContent } from './campaign.js';
import type { CampaignReader } from './campaign.ports.js';
import { type CampaignSummary, summarise } from './list-live-campaigns.js';

export const recordThreshold = 10_000;

export interface ArchivedCampaign extends CampaignSummary {
  isRecord: boolean;
}

export async function listArchive(
  deps: { campaigns: CampaignReader },
  input: { locale: string },
): Promise<ArchivedCampaign[]> {
  const closed = await summarise(deps, ['closed'], input.locale);
  const closedAt = (c: CampaignWithContent) => c.closedAt ?? c.endsAt ?? 0;
  return closed
    .map((c) => ({ ...c, isRecord: c.total > recordThreshold }))
    .sort((a, b) => closedAt(b.campaign) - closedAt(a.campaign));
}
