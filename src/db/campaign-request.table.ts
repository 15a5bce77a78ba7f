// Row types for union campaign requests, their endorsements and the partnership terms versions.
import type { Generated } from 'kysely';

export interface PartnershipTermsTable {
  id: Generated<number>;
  locale: string;
  body_md: string;
  created_by: number | null;
  created_at: number;
}

export interface CampaignRequestsTable {
  id: Generated<number>;
  status: string;
  locale: string;
  contact_locale: string;
  org_name: string;
  org_description: string;
  org_website: string | null;
  org_logo_path: string | null;
  contact_name: string;
  contact_email: string;
  headline: string;
  background_md: string;
  default_message: string;
  more_info_url: string | null;
  photo_path: string | null;
  /** JSON [{ name, email }]. */
  targets_json: string;
  terms_id: number;
  terms_accepted_at: number;
  form_nonce: string;
  ip_hash: string | null;
  campaign_id: number | null;
  decision_note: string | null;
  decided_by: number | null;
  decided_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface RequestEndorsementsTable {
  id: Generated<number>;
  request_id: number;
  name: string;
  url: string | null;
  note: string | null;
  created_by: number | null;
  created_at: number;
}
