// Row types of account scopes: the campaigns a partner account is attached to and the languages a
// translator account works in (migration 0008).

export interface PartnerCampaignsTable {
  user_id: number;
  campaign_id: number;
  created_by: number | null;
  created_at: number;
}

export interface TranslatorLanguagesTable {
  user_id: number;
  locale: string;
  created_by: number | null;
  created_at: number;
}
