// The home page's list: live campaigns, newest first, each in the visitor's language where published.
import {
  type CampaignStatus,
  type CampaignTexts,
  type CampaignWithContent,
  chooseTexts,
} from './campaign.js';
import type { CampaignReader } from './campaign.ports.js';

export interface CampaignSummary {
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  isFallback: boolean;
  total: number;
}

/** Campaigns of some statuses with their texts in the visitor's language and their totals. */
export async function summarise(
  deps: { campaigns: CampaignReader },
  statuses: CampaignStatus[],
  locale: string,
): Promise<CampaignSummary[]> {
  const campaigns = await deps.campaigns.listByStatus(statuses);
  const totals = await deps.campaigns.supporterTotals(campaigns.map((c) => c.id));
  const out: CampaignSummary[] = [];
  for (const campaign of campaigns) {
    const chosen = chooseTexts(campaign, locale);
    if (chosen) out.push({ campaign, ...chosen, total: totals.get(campaign.id) ?? 0 });
  }
  return out;
}

export async function listLiveCampaigns(
  deps: { campaigns: CampaignReader },
  input: { locale: string },
): Promise<CampaignSummary[]> {
  const live = await summarise(deps, ['live'], input.locale);
  return live.sort((a, b) => (b.campaign.startsAt ?? 0) - (a.campaign.startsAt ?? 0));
}
