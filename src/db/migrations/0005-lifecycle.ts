// Campaign lifecycle: when the editors were reminded that a live campaign ends within a week (once per
// end date; extending or reopening clears it), and an index for the job that looks for campaigns to close
// or remind about.
import type { Kysely } from 'kysely';
import { addColumn, addIndex, bigint, type Dialect } from '../dialect.js';

export function lifecycle(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await addColumn(db, 'campaigns', 'reminder_sent_at', bigint(dialect));
      await addIndex(db, 'idx_campaigns_status_ends_at', 'campaigns', ['status', 'ends_at']);
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropIndex('idx_campaigns_status_ends_at').execute();
      await db.schema.alterTable('campaigns').dropColumn('reminder_sent_at').execute();
    },
  };
}
