// The audit log as route tests read it after an editor's or a visitor's action: every entry with one
// action, or about one kind of entity, oldest first, with all its columns; and a trail several tests expect.
import type { Selectable } from 'kysely';
import type { AuditEventsTable } from '../src/db/audit.table.js';
import type { Db } from '../src/db/database.js';

export type AuditEntry = Selectable<AuditEventsTable>;

/** The audit log's entries with this `action`, or about this `entityType` (`campaign`, `list`…), oldest first. */
export function auditEntries(
  db: Db,
  where: { action: string } | { entityType: string },
): Promise<AuditEntry[]> {
  const [column, value] =
    'action' in where ? (['action', where.action] as const) : (['entity_type', where.entityType] as const);
  return db.kysely.selectFrom('audit_events').selectAll().where(column, '=', value).orderBy('id').execute();
}

/** The audit trail of a translation saved, submitted, sent back once, submitted again and published. */
export const sentBackThenPublished = [
  'translation.saved',
  'translation.submitted',
  'translation.sent_back',
  'translation.submitted',
  'translation.published',
];
