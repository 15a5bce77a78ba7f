// What the stores of translated texts (campaigns, mailings) share: the checked, audited write and the
// board's row of one language version. A write locks the translated thing's row first, so a second write
// (or a save of the source) waits, then reads what the first committed and finds the form's token stale;
// nothing is written unless the token (translation revision . source revision) still matches.
import type { Kysely } from 'kysely';
import type { AuditEntry } from '../domain/account/account.ports.js';
import type { TranslationStatus } from '../domain/campaign/campaign.js';
import type { BoardTranslation } from '../domain/translation/translation.ports.js';
import { tokenOf } from '../domain/translation/translation-steps.js';
import { recordAudit } from './audit.repository.js';
import { num } from './kysely-store.js';
import type { Database } from './schema.js';

type Executor = Kysely<Database>;
type Stored = Parameters<typeof tokenOf>[0];

class Stale extends Error {}

/** A translator's write as both kinds of translated texts ask for it: what it expects, who, and what to audit. */
export type WrittenChange = Pick<AuditEntry, 'actor' | 'action' | 'now'> & {
  /** The token the form was filled from (translation revision . source revision). */
  expectedToken: string;
  audit: { before: unknown; after: unknown };
};

/** The version stored before the write, or 'stale' when the form was filled from an older copy. */
export async function writeTranslation<W extends Stored>(
  db: Executor,
  change: WrittenChange,
  steps: {
    /** Locks the row of the campaign or mailing; false when it is gone. */
    lock(trx: Executor): Promise<boolean>;
    load(trx: Executor): Promise<W | undefined>;
    /** Updates the stored version (to `revision`) or inserts the first one. */
    store(trx: Executor, current: W, revision: number): Promise<void>;
    /** What the audit entry is about: the campaign or the mailing. */
    entity: { type: 'campaign' | 'mailing'; id: number };
  },
): Promise<{ before: W } | 'stale'> {
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await steps.lock(trx))) throw new Stale();
      const current = await steps.load(trx);
      if (!current || tokenOf(current) !== change.expectedToken) throw new Stale();
      await steps.store(trx, current, (current.translation?.revision ?? 0) + 1);
      await recordAudit(trx, {
        actor: change.actor,
        action: change.action,
        entityType: steps.entity.type,
        entityId: steps.entity.id,
        before: change.audit.before,
        after: change.audit.after,
        now: change.now,
      });
      return { before: current };
    });
  } catch (error) {
    if (error instanceof Stale) return 'stale';
    throw error;
  }
}

/** A version row (with its last writer's address) as the board shows it. */
export const boardTranslation = (r: {
  locale: string;
  status: string;
  source_revision: number | string | bigint;
  updated_at: number | string | bigint;
  email: string | null;
}): BoardTranslation => ({
  locale: r.locale,
  status: r.status as TranslationStatus,
  sourceRevision: num(r.source_revision),
  updatedAt: num(r.updated_at),
  updatedBy: r.email ?? null,
});
