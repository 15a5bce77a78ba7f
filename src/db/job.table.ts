// Row type of the outbox/job queue (see job.repository.ts for the state machine).
import type { Generated } from 'kysely';

export interface JobsTable {
  id: Generated<number>;
  kind: string;
  /** JSON text. */
  payload: string;
  status: string;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  run_at: number;
  locked_by: string | null;
  locked_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}
