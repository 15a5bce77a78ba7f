// Row types for the language lists, mailings, their language versions and the per-recipient send queue
// (migration 0015).
import type { Generated } from 'kysely';

export interface ListMembersTable {
  id: Generated<number>;
  supporter_id: number;
  /** The list: one per language. */
  locale: string;
  status: 'pending' | 'subscribed' | 'unsubscribed';
  source: 'signature' | 'signup' | 'import';
  consent_id: number | null;
  /** SHA-256 of a sign-up's confirmation token; null once confirmed (or for other sources). */
  confirm_token_hash: string | null;
  created_at: number;
  subscribed_at: number | null;
  unsubscribed_at: number | null;
}

export interface MailingsTable {
  id: Generated<number>;
  kind: 'launch' | 'escalation' | 'urgent' | 'victory' | 'general';
  campaign_id: number | null;
  source_locale: string;
  subject: string;
  preheader: Generated<string>;
  body_md: string;
  /** JSON of `Segment` (domain/mailing/segment.ts). */
  segment: string;
  status: 'draft' | 'scheduled' | 'sending' | 'paused' | 'sent' | 'cancelled';
  revision: Generated<number>;
  rate_per_second: number | null;
  scheduled_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
}

export interface MailingTranslationsTable {
  mailing_id: number;
  locale: string;
  subject: string;
  preheader: Generated<string>;
  body_md: string;
  status: 'draft' | 'in_review' | 'published';
  source_revision: number;
  revision: Generated<number>;
  review_note: string | null;
  updated_by: number | null;
  updated_at: number;
}

export interface MailingRecipientsTable {
  id: Generated<number>;
  mailing_id: number;
  supporter_id: number;
  locale: string;
  status: 'queued' | 'sending' | 'sent' | 'failed' | 'bounced';
  attempts: Generated<number>;
  next_attempt_at: number | null;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  sent_at: number | null;
  bounced_at: number | null;
  complained_at: number | null;
  unsubscribed_at: number | null;
}
