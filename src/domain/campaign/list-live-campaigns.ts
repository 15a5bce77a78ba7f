// The home page's list: live campaigns, newest first, each in the visitor's language where published.
import { type CampaignTexts, type CampaignWithContent, chooseTexts } from './campaign.js';
import type { CampaignReader } from './campaign.ports.js';

export interface CampaignSummary {
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  isFallback: boolean;
  total: number;
}

export async function listLiveCampaigns(
  deps: { campaigns: CampaignReader },
  input: { locale: string },
): Promise<CampaignSummary[]> {
  const live = await deps.campaigns.listByStatus(['live']);
  const totals = await deps.campaigns.supporterTotals(live.map((c) => c.id));
  const out: CampaignSummary[] = [];
  for (const campaign of live) {
    const chosen = chooseTexts(campaign, input.locale);
    if (!chosen) continue;
    out.push({ campaign, ...chosen, total: totals.get(campaign.id) ?? 0 });
  }
  return out.sort((a, b) => (b.campaign.startsAt ?? 0) - (a.campaign.startsAt ?? 0));
}
