// Row type of the translators' digest state (migration 0028-translation-digests).
import type { Generated } from 'kysely';

export interface TranslationDigestsTable {
  user_id: number;
  /** When the last digest was put in the outbox; null before the first. */
  last_sent_at: Generated<number | null>;
  /** JSON array of the item keys the last digest listed (campaign:language:source revision). */
  last_items: Generated<string>;
  /** The translator turned the digest off in their account settings; null while they get it. */
  unsubscribed_at: Generated<number | null>;
}
