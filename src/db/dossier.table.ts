// Row type of the printable dossiers (migration 0020; domain/petition/dossier.ts for the states).
import type { Generated } from 'kysely';

export interface DossiersTable {
  id: Generated<number>;
  campaign_id: number;
  kind: string;
  locale: string;
  /** Space-separated ISO codes; empty for every country. */
  countries: Generated<string>;
  status: Generated<string>;
  done: Generated<number>;
  total: Generated<number>;
  pages: Generated<number>;
  signers: Generated<number>;
  file: Uint8Array | null;
  error: string | null;
  created_by: number | null;
  created_at: number;
  finished_at: number | null;
  expires_at: number;
}
