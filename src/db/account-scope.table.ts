// Row types of account scopes: the campaigns a partner account is attached to and the languages a
// translator account works in (migration 0008), with the translator's standing in each (0030).
import type { Generated } from 'kysely';

export interface PartnerCampaignsTable {
  user_id: number;
  campaign_id: number;
  created_by: number | null;
  created_at: number;
}

export interface TranslatorLanguagesTable {
  user_id: number;
  locale: string;
  /** translator | trusted | coordinator (decision 0039). */
  standing: Generated<string>;
  created_by: number | null;
  created_at: number;
}
