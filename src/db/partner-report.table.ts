// Row type of the partner report links (migration 0021).
import type { Generated } from 'kysely';

export interface PartnerReportLinksTable {
  id: Generated<number>;
  campaign_id: number;
  partner_id: number;
  /** SHA-256 of the link's token: the token itself is shown once, to the editor who made the link. */
  token_hash: string;
  created_by: number | null;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  last_used_at: number | null;
  uses: Generated<number>;
}
