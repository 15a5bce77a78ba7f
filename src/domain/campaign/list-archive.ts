// The archive: every closed campaign, most recently closed first, with its dates, supporters and outcome.
// Campaigns that drew more than ten thousand supporters are marked: they are the movement's records.
import { type CampaignTexts, type CampaignWithContent, chooseTexts } from './campaign.js';
import type { CampaignReader } from './campaign.ports.js';

export const recordThreshold = 10_000;

export interface ArchivedCampaign {
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  isFallback: boolean;
  total: number;
  isRecord: boolean;
}

export async function listArchive(
  deps: { campaigns: CampaignReader },
  input: { locale: string },
): Promise<ArchivedCampaign[]> {
  const closed = await deps.campaigns.listByStatus(['closed']);
  const totals = await deps.campaigns.supporterTotals(closed.map((c) => c.id));
  const out: ArchivedCampaign[] = [];
  for (const campaign of closed) {
    const chosen = chooseTexts(campaign, input.locale);
    if (!chosen) continue;
    const total = totals.get(campaign.id) ?? 0;
    out.push({ campaign, ...chosen, total, isRecord: total > recordThreshold });
  }
  const closedAt = (c: CampaignWithContent) => c.closedAt ?? c.endsAt ?? 0;
  return out.sort((a, b) => closedAt(b.campaign) - closedAt(a.campaign));
}
