// Storage of the corrections volunteers make to interface strings in the app (decision 0036): one row per
// language and key, each change audited with the text it replaced, and a version number bumped in the same
// transaction so every process learns of the change with one cheap read.
import type {
  InterfaceOverride,
  InterfaceOverrideChange,
  InterfaceOverrideStore,
} from '../domain/interface-strings/interface-strings.ports.js';
import { recordAudit } from './audit.repository.js';
import type { Db } from './database.js';
import { num } from './kysely-store.js';

export class InterfaceOverrideRepository implements InterfaceOverrideStore {
  constructor(private readonly db: Db) {}

  async version(): Promise<number> {
    const row = await this.db.kysely
      .selectFrom('interface_override_versions')
      .select('version')
      .where('id', '=', 1)
      .executeTakeFirst();
    return num(row?.version);
  }

  async active(): Promise<{ locale: string; key: string; message: string }[]> {
    const rows = await this.db.kysely
      .selectFrom('interface_overrides')
      .select(['locale', 'key', 'message'])
      .where('message', 'is not', null)
      .execute();
    return rows.map((r) => ({ locale: r.locale, key: r.key, message: r.message! }));
  }

  async list(locale: string): Promise<InterfaceOverride[]> {
    const rows = await this.db.kysely
      .selectFrom('interface_overrides as o')
      .leftJoin('users as u', 'u.id', 'o.updated_by')
      .select([
        'o.locale',
        'o.key',
        'o.message',
        'o.previous_message',
        'o.source_hash',
        'o.reviewed_at',
        'o.updated_at',
        'u.name',
      ])
      .where('o.locale', '=', locale)
      .execute();
    return rows.map((r) => ({
      locale: r.locale,
      key: r.key,
      message: r.message,
      previousMessage: r.previous_message,
      sourceHash: r.source_hash,
      reviewedAt: r.reviewed_at === null ? null : num(r.reviewed_at),
      updatedBy: r.name,
      updatedAt: num(r.updated_at),
    }));
  }

  async save(
    changes: InterfaceOverrideChange[],
    actor: { id: number; email: string },
    now: number,
  ): Promise<void> {
    await this.db.kysely.transaction().execute(async (trx) => {
      for (const c of changes) {
        const values = {
          message: c.message,
          previous_message: c.previousMessage,
          source_hash: c.sourceHash,
          reviewed_at: c.reviewed ? now : null,
          updated_by: actor.id,
          updated_at: now,
        };
        await trx
          .insertInto('interface_overrides')
          .values({ locale: c.locale, key: c.key, ...values })
          .onConflict((oc) => oc.columns(['locale', 'key']).doUpdateSet(values))
          .execute();
        await recordAudit(trx, {
          actor: { id: actor.id, email: actor.email },
          action: 'interface_string.corrected',
          entityType: 'interface_string',
          entityId: `${c.locale}:${c.key}`,
          before: { message: c.previousMessage },
          after: { message: c.message, reviewed: c.reviewed },
          now,
        });
      }
      // An atomic increment: concurrent saves on PostgreSQL queue on the row, none is lost.
      await trx
        .updateTable('interface_override_versions')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', 1)
        .execute();
    });
  }
}
