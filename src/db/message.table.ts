// Row types for delivery: one message to one target (a signature's letter, or a digest of many), the
// pacing state per target address, the state per destination domain, and alerts for editors.
import type { Generated } from 'kysely';

export interface MessagesTable {
  id: Generated<number>;
  kind: Generated<string>;
  /** Null for a digest. */
  signature_id: number | null;
  target_id: number;
  campaign_id: number;
  status: string;
  /** The digest that carried this signature's message (status `digested`). */
  digest_id: number | null;
  /** For a digest: how many signatures it carries. */
  digest_size: number | null;
  /** The address actually used, set when the send starts (targets can be given a new address). */
  to_address: string | null;
  message_id_header: string | null;
  attempts: Generated<number>;
  next_attempt_at: number | null;
  locked_by: string | null;
  locked_until: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}

export interface DeliveryPacingTable {
  /** Lower-cased target address: the cap holds across every campaign that writes to it. */
  address: string;
  next_send_at: number;
}

export interface MailDomainsTable {
  domain: string;
  /** Sends at once to this domain; null means the configured default. */
  concurrency: number | null;
  /** Consecutive temporary failures: the shared backoff step. */
  failures: Generated<number>;
  throttled_until: number | null;
  paused_at: number | null;
  paused_reason: string | null;
  updated_at: number;
}

export interface AlertsTable {
  id: Generated<number>;
  kind: string;
  campaign_id: number | null;
  target_id: number | null;
  domain: string | null;
  detail: string;
  created_at: number;
  resolved_at: number | null;
}
