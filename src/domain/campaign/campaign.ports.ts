// What the campaign use cases need from storage; db/campaign.repository.ts implements it.
import type {
  Campaign,
  CampaignStatus,
  CampaignTexts,
  CampaignWithContent,
  Partner,
  Target,
} from './campaign.js';
import type { LifecycleCampaign, LifecycleChange } from './lifecycle.js';

export interface CampaignReader {
  findBySlug(slug: string): Promise<CampaignWithContent | undefined>;
  listByStatus(statuses: CampaignStatus[]): Promise<CampaignWithContent[]>;
  /** Counted supporters per campaign, all languages together. */
  supporterTotals(campaignIds: number[]): Promise<Map<number, number>>;
  /** Where a campaign's counted signatures come from (countries only, never who): see momentum.ts. */
  signingCountries(campaignId: number): Promise<SigningCountries>;
}

export interface SigningCountries {
  /** Counted supporters per country code (signatures without a country left out). */
  counts: Map<string, number>;
  /** Countries of the latest confirmed signatures, newest first, each once. */
  newest: string[];
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
  /** Countries default to none: every supporter writes to the target. */
  targets: (Omit<Target, 'id' | 'countries'> & { countries?: string[] })[];
}

export interface CampaignWriter {
  /** Creates a campaign with its texts, partners and targets in one transaction; returns its id. */
  create(input: NewCampaign, now: number): Promise<number>;
}

/** Campaign lifecycle (lifecycle.ts); db/campaign-lifecycle.repository.ts implements it. */
export interface CampaignLifecycleStore {
  find(slug: string): Promise<LifecycleCampaign | undefined>;
  /** Every campaign, newest first. */
  list(): Promise<LifecycleCampaign[]>;
  /**
   * Writes the change and its audit entry in one transaction, only while the campaign is still in
   * `change.from` with `change.expectedEndsAt`; false (nothing written) otherwise.
   */
  apply(change: LifecycleChange): Promise<boolean>;
  /** Live campaigns whose end date is at or before `now`. */
  ended(now: number): Promise<LifecycleCampaign[]>;
  /** Live campaigns ending within `leadMs` of `now` whose reminder was not sent yet. */
  remindersDue(now: number, leadMs: number): Promise<LifecycleCampaign[]>;
  /** The people a reminder goes to: active admins and editors. */
  reminderRecipients(): Promise<{ name: string; email: string; locale: string }[]>;
  /**
   * Marks the reminder sent and puts its mails in the outbox in one transaction, only if it was not sent
   * yet for this end date; false (nothing written) otherwise.
   */
  markReminded(
    campaignId: number,
    endsAt: number,
    mails: { kind: string; payload: unknown }[],
    now: number,
  ): Promise<boolean>;
}
