// The public campaign page's data: the campaign in the visitor's language (or its source, flagged), the
// languages it is available in, and the live total.
import { type CampaignTexts, type CampaignWithContent, inLanguage, isPublic } from './campaign.js';
import type { CampaignReader } from './campaign.ports.js';

export interface CampaignView {
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  isFallback: boolean;
  locales: string[];
  total: number;
}

export async function viewCampaign(
  deps: { campaigns: CampaignReader },
  input: { slug: string; locale: string },
): Promise<{ status: 'found'; view: CampaignView } | { status: 'not_found' }> {
  const campaign = await deps.campaigns.findBySlug(input.slug);
  if (!campaign || !isPublic(campaign)) return { status: 'not_found' };
  const shown = inLanguage(campaign, input.locale);
  if (!shown) return { status: 'not_found' };
  const totals = await deps.campaigns.supporterTotals([campaign.id]);
  return {
    status: 'found',
    view: {
      ...shown,
      total: totals.get(campaign.id) ?? 0,
    },
  };
}
