// What the dispatcher's store, its claimed-message reader and the outcome writers share over message rows
// (and the mailing sender over recipient rows): batches of ids small enough for one statement, a status that
// keeps primary keys, and what an accepted send writes.
import { sql } from 'kysely';
import type { DbHandle } from './schema.js';

/**
 * `status` for statements that name their rows by id: an expression, so the planner finds the rows by
 * primary key instead of walking idx_messages_status_locked. Without statistics SQLite took the index for
 * `id in (…) and status in (…)` and read every queued message of the backlog on each claim (measured: 1 ms
 * a round with 20,000 queued, growing with the backlog; 0.4 ms by primary key).
 */
export const statusOfRow = sql<string>`(${sql.ref('status')} || '')`;

/** `items` in runs of `size`, each a statement's worth of parameters. */
export function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Letters or mailing recipients the server accepted, if still `sending`: sent now, unlocked, no error. */
export async function markSent(
  trx: DbHandle,
  table: 'messages' | 'mailing_recipients',
  ids: number[],
  now: number,
): Promise<void> {
  await trx
    .updateTable(table)
    .set({ status: 'sent', sent_at: now, locked_by: null, locked_until: null, last_error: null })
    .where('id', 'in', ids)
    .where(statusOfRow, '=', 'sending')
    .execute();
}
