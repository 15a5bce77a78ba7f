// The audit log. `recordAudit(trx, entry)` is the one helper every use case that changes something in the
// editor area calls inside its own transaction, so the entry commits or rolls back with the change.
// AuditRepository reads it back for the admins' page, newest first, paged and filtered.
import { type ExpressionBuilder, Kysely } from 'kysely';
import type {
  AuditEntry,
  AuditEvent,
  AuditFilter,
  AuditReader,
  AuditRecorder,
} from '../domain/account/account.ports.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

/** Stored JSON is bounded: an audit entry records a change, it is not a backup of a large text. */
const maxJson = 20_000;

function json(value: unknown): string | null {
  if (value === undefined) return null;
  const text = JSON.stringify(value);
  return text.length > maxJson ? JSON.stringify({ truncated: text.slice(0, maxJson) }) : text;
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export async function recordAudit(executor: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await executor
    .insertInto('audit_events')
    .values({
      actor_id: entry.actor?.id ?? null,
      actor_email: entry.actor?.email ?? null,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: String(entry.entityId),
      before_json: json(entry.before),
      after_json: json(entry.after),
      created_at: entry.now,
    })
    .execute();
}

function matching(filter: AuditFilter) {
  return (eb: ExpressionBuilder<Database, 'audit_events'>) =>
    eb.and([
      ...(filter.actorId !== undefined ? [eb('actor_id', '=', filter.actorId)] : []),
      ...(filter.entityType !== undefined ? [eb('entity_type', '=', filter.entityType)] : []),
      ...(filter.entityId !== undefined ? [eb('entity_id', '=', filter.entityId)] : []),
    ]);
}

export class AuditRepository implements AuditRecorder, AuditReader {
  private readonly db: Kysely<Database>;
  constructor(db: Db | Kysely<Database>) {
    this.db = db instanceof Kysely ? db : db.kysely;
  }

  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }

  async list(filter: AuditFilter, page: { offset: number; limit: number }): Promise<AuditEvent[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .selectAll()
      .where(matching(filter))
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      actorId: r.actor_id,
      actorEmail: r.actor_email,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: parse(r.before_json),
      after: parse(r.after_json),
      createdAt: r.created_at,
    }));
  }

  async count(filter: AuditFilter): Promise<number> {
    const row = await this.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where(matching(filter))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async entityTypes(): Promise<string[]> {
    const rows = await this.db
      .selectFrom('audit_events')
      .select('entity_type')
      .distinct()
      .orderBy('entity_type')
      .execute();
    return rows.map((r) => r.entity_type);
  }
}
