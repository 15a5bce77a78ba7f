// What the campaign use cases need from storage; db/campaign.repository.ts implements it.
import type {
  Campaign,
  CampaignStatus,
  CampaignTexts,
  CampaignWithContent,
  Partner,
  Target,
} from './campaign.js';

export interface CampaignReader {
  findBySlug(slug: string): Promise<CampaignWithContent | undefined>;
  listByStatus(statuses: CampaignStatus[]): Promise<CampaignWithContent[]>;
  /** Counted supporters per campaign, all languages together. */
  supporterTotals(campaignIds: number[]): Promise<Map<number, number>>;
}

export interface NewCampaign {
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  confirmationMode?: Campaign['confirmationMode'];
  deliveryMode?: Campaign['deliveryMode'];
  goal?: number | null;
  moreInfoUrl?: string | null;
  startsAt?: number | null;
  endsAt?: number | null;
  translations: CampaignTexts[];
  partners: Partner[];
  targets: Omit<Target, 'id'>[];
}

export interface CampaignWriter {
  /** Creates a campaign with its texts, partners and targets in one transaction; returns its id. */
  create(input: NewCampaign, now: number): Promise<number>;
}
