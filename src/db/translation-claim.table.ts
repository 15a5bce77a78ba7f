// Row type of claims on a campaign's language (migration 0031-translation-claims).
export interface TranslationClaimsTable {
  campaign_id: number;
  locale: string;
  user_id: number;
  claimed_at: number;
}
