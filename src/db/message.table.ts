// Row type of one message: one signature to one target (see the delivery issue for its states).
import type { Generated } from 'kysely';

export interface MessagesTable {
  id: Generated<number>;
  signature_id: number;
  target_id: number;
  campaign_id: number;
  status: string;
  message_id_header: string | null;
  attempts: Generated<number>;
  next_attempt_at: number | null;
  last_error: string | null;
  created_at: number;
  sent_at: number | null;
}
