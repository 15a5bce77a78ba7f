// The public petition page's data: the campaign's demand in the visitor's language and one page of its
// signers as the campaign shows them, with the countries to filter by. Closed campaigns stay readable.
import { type CampaignTexts, type CampaignWithContent, inLanguage, isPublic } from '../campaign/campaign.js';
import type { CampaignReader } from '../campaign/campaign.ports.js';
import {
  displaySigner,
  type PetitionCursor,
  type PetitionReader,
  type PetitionSigner,
  petitionPageSize,
} from './petition.js';

export interface PetitionView {
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  isFallback: boolean;
  locales: string[];
  signers: PetitionSigner[];
  /** Where the next (older) page starts; null on the last page. */
  next: PetitionCursor | null;
  countries: { country: string; n: number }[];
  /** Counted, visible signers in the chosen country (or all). */
  shown: number;
}

export async function viewPetition(
  deps: { campaigns: CampaignReader; petition: PetitionReader },
  input: { slug: string; locale: string; country: string | null; after: PetitionCursor | null },
): Promise<{ status: 'found'; view: PetitionView } | { status: 'not_found' }> {
  const campaign = await deps.campaigns.findBySlug(input.slug);
  if (!campaign || !isPublic(campaign)) return { status: 'not_found' };
  const language = inLanguage(campaign, input.locale);
  if (!language) return { status: 'not_found' };
  const [rows, countries] = await Promise.all([
    // One more than shown: whether a next page exists, without counting.
    deps.petition.page({
      campaignId: campaign.id,
      country: input.country,
      after: input.after,
      limit: petitionPageSize + 1,
    }),
    deps.petition.countries(campaign.id),
  ]);
  const page = rows.slice(0, petitionPageSize);
  const last = page[page.length - 1];
  const shown = input.country
    ? (countries.find((c) => c.country === input.country)?.n ?? 0)
    : countries.reduce((sum, c) => sum + c.n, 0);
  return {
    status: 'found',
    view: {
      ...language,
      signers: page.map((r) => displaySigner(r, campaign.petitionNames)),
      next: rows.length > petitionPageSize && last ? { signedAt: last.signedAt, id: last.id } : null,
      countries,
      shown,
    },
  };
}
