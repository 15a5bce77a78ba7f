// Row types of the campaigns' signature logs and their signed tree heads (migration 0019).
import type { Generated } from 'kysely';

export interface SignatureLogTable {
  campaign_id: number;
  leaf_index: number;
  signature_id: number;
  leaf_hash: Uint8Array;
  salt: Uint8Array | null;
  created_at: number;
}

export interface SignatureLogHeadsTable {
  id: Generated<number>;
  campaign_id: number;
  tree_size: number;
  root_hash: Uint8Array;
  signed_at: number;
  signature: Uint8Array;
}
