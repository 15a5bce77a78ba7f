// Row types for supporters, their signatures, consents and the aggregated counts.
import type { Generated } from 'kysely';

export interface SupportersTable {
  id: Generated<number>;
  /** What the person typed (used for mail); sealed (decision 0023), as are name and union_name. */
  email: string;
  /**
   * Blind index of the canonical address (DataVault.index): dedupe and every lookup by address; `erased:<id>`
   * once erased.
   */
  email_index: string;
  /** Blind index of the address's domain (DataVault.domainIndex): paused destination domains. */
  email_domain_index: Generated<string | null>;
  name: string;
  locale: string;
  country: string | null;
  union_name: string | null;
  status: Generated<string>;
  /** When they pressed a confirmation link we mailed them: the address is theirs (Reply-To to targets). */
  email_confirmed_at: number | null;
  /** When supporter mail to this address stopped for good, and why (0015-mailing-lists). */
  mail_suppressed_at: Generated<number | null>;
  mail_suppressed_reason: Generated<'hard_bounce' | 'soft_bounces' | 'complaint' | null>;
  /** Soft bounces in a row on supporter mail; three suppress the address. */
  soft_bounces: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface SignaturesTable {
  id: Generated<number>;
  campaign_id: number;
  supporter_id: number;
  locale: string;
  name: string;
  union_name: string | null;
  country: string | null;
  message: string;
  source: string | null;
  status: string;
  confirm_token_hash: string | null;
  ip_hash: string | null;
  created_at: number;
  confirmed_at: number | null;
  confirmation_sent_at: number | null;
  /** 1: the petition shows "a supporter from <country>" instead of the name (0010-petition). */
  petition_anonymous: Generated<number>;
  /** When an editor hid this signer from the petition, and who (audited). */
  petition_hidden_at: Generated<number | null>;
  petition_hidden_by: Generated<number | null>;
  /** The language of the words sent (the campaign text shown); null: the default message unchanged (0016). */
  message_locale: string | null;
}

export interface ConsentsTable {
  id: Generated<number>;
  supporter_id: number;
  campaign_id: number | null;
  scope: string;
  text: string;
  version: string;
  locale: string;
  source: string | null;
  given_at: number;
  withdrawn_at: number | null;
  /** How the withdrawal came: 'one-click', 'preferences', 'complaint', 'editor', … (0015). */
  withdrawn_via: Generated<string | null>;
}

export interface CountsTable {
  campaign_id: number;
  locale: string;
  country: string;
  source: string;
  status: string;
  n: Generated<number>;
}
