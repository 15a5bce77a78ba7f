// Row type of the audit log: who changed what in the editor area, when, and how it looked before and after.
import type { Generated } from 'kysely';

export interface AuditEventsTable {
  id: Generated<number>;
  /** Null for the system; set to null if the person's row is ever deleted (the email stays). */
  actor_id: number | null;
  actor_email: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON, or null. */
  before_json: string | null;
  after_json: string | null;
  created_at: number;
}
