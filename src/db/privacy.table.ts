// Row types for the my-data links and sessions and the erasure records (migration 0011).
import type { Generated } from 'kysely';

export interface MyDataTokensTable {
  /** SHA-256 of the token: the raw token is only ever in the mail and the visitor's cookie. */
  token_hash: string;
  kind: 'link' | 'session';
  supporter_id: number | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

export interface ErasuresTable {
  id: Generated<number>;
  /** HMAC-SHA-256 (APP_SECRET) of the canonical address: no address, but a re-import can be refused. */
  email_hmac: string;
  via: 'self' | 'editor' | 'retention';
  /** How many signatures the person had: a number, not data. */
  signatures: number;
  created_at: number;
}
