// A supporter by id, unless erased: the start of every read that shows or exports a person's own data (the
// list admin's person page, "my data", the erasure itself). An erased supporter's row stays, emptied, so the
// counts still add up; it is nobody's data any more and must not come back from these reads.
import type { DbHandle } from './schema.js';

/** `supporters` narrowed to one supporter who has not been erased; the caller picks the columns. */
export function liveSupporter(db: DbHandle, supporterId: number) {
  return db.selectFrom('supporters').where('id', '=', supporterId).where('status', '!=', 'erased');
}
