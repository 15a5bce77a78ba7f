// Row type of the translators' bulletin state (migration 0028-translator-bulletins).
import type { Generated } from 'kysely';

export interface TranslatorBulletinsTable {
  user_id: number;
  /** When the last bulletin was put in the outbox; null before the first. */
  last_sent_at: Generated<number | null>;
  /** JSON array of the item keys the last bulletin listed (campaign:language:source revision). */
  last_items: Generated<string>;
  /** The translator turned the bulletin off in their account settings; null while they get it. */
  unsubscribed_at: Generated<number | null>;
}
