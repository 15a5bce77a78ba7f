// What happened to supporter mail after it left, written back: bounces and complaints that arrive by mail
// (domain/delivery/supporter-bounce.ts, record-complaint.ts), the mailto unsubscribe, and the reset of the
// soft-bounce streak when a mailing is delivered (the sender calls endSoftBounceStreaks). Each change is one
// transaction and conditional on the row not having changed already, so a report applied twice, or by two
// processes at once, has one effect. Leaving the lists goes through leaveLists, the one way anyone leaves.
import { type Kysely, sql } from 'kysely';
import {
  type BouncedRecipient,
  type SupporterBounceChange,
  type SupporterMailStore,
  type SuppressionReason,
  supporterBounceableStatuses,
  suppressionAfter,
} from '../domain/delivery/supporter-bounce.js';
import { KyselyStore } from './kysely-store.js';
import { leaveLists } from './list-membership.writes.js';
import type { Database } from './schema.js';

/** The supporter a complaint or a mailed unsubscribe is from, and when it arrived. */
type MailedBy = { supporterId: number; now: number };

export class SupporterMailOutcomeWriter extends KyselyStore implements SupporterMailStore {
  async recipientForBounce(id: number): Promise<BouncedRecipient | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    const row = await this.db
      .selectFrom('mailing_recipients as r')
      .innerJoin('supporters as s', 's.id', 'r.supporter_id')
      .select([
        'r.id',
        'r.supporter_id as supporterId',
        'r.status',
        'r.bounced_at as bouncedAt',
        'r.complained_at as complainedAt',
        's.email',
      ])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const { email, ...rest } = row;
    return { ...rest, address: email.toLowerCase() };
  }

  async applySupporterBounce(
    c: SupporterBounceChange,
  ): Promise<{ suppressed: SuppressionReason | null } | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('mailing_recipients')
        .set({
          status: 'bounced',
          bounced_at: c.now,
          last_error: c.reason,
          locked_by: null,
          locked_until: null,
        })
        .where('id', '=', c.recipientId)
        .where('status', 'in', supporterBounceableStatuses)
        .where('bounced_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      if (c.kind === 'policy') return { suppressed: null };
      // The streak counts in the database, so two bounces recorded at once both count.
      const streak = await trx
        .updateTable('supporters')
        .set({
          soft_bounces: c.kind === 'soft' ? sql<number>`soft_bounces + 1` : 0,
          updated_at: c.now,
        })
        .where('id', '=', c.supporterId)
        .returning('soft_bounces')
        .executeTakeFirst();
      const suppressed = suppressionAfter(c.kind, c.kind === 'soft' ? (streak?.soft_bounces ?? 0) : 0);
      if (suppressed) await suppress(trx, c.supporterId, suppressed, c.now);
      return { suppressed };
    });
  }

  async applyComplaint(input: MailedBy & { recipientId: number }): Promise<{ listsLeft: number } | null> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('mailing_recipients')
        .set({ complained_at: input.now })
        .where('id', '=', input.recipientId)
        .where('complained_at', 'is', null)
        .returning('id')
        .executeTakeFirst();
      if (!row) return null;
      const listsLeft = await leaveLists(trx, {
        supporterId: input.supporterId,
        via: 'complaint',
        now: input.now,
      });
      await suppress(trx, input.supporterId, 'complaint', input.now);
      return { listsLeft };
    });
  }

  async unsubscribeByMail(input: MailedBy): Promise<{ listsLeft: number } | null> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('supporters')
        .select('id')
        .where('id', '=', input.supporterId)
        .executeTakeFirst();
      if (!exists) return null;
      return {
        listsLeft: await leaveLists(trx, { supporterId: input.supporterId, via: 'mailto', now: input.now }),
      };
    });
  }
}

/** Marks an address suppressed; the first reason stays (editors see why mail stopped in the first place). */
async function suppress(
  trx: Kysely<Database>,
  supporterId: number,
  reason: SuppressionReason,
  now: number,
): Promise<void> {
  await trx
    .updateTable('supporters')
    .set({ mail_suppressed_at: now, mail_suppressed_reason: reason, updated_at: now })
    .where('id', '=', supporterId)
    .where('mail_suppressed_at', 'is', null)
    .execute();
}

/**
 * A mailing reached these recipients' servers: their soft-bounce streaks end (only "in a row" suppresses).
 * Written by the sender in the transaction that records the sends (db/mailing-outcome.writer.ts).
 */
export async function endSoftBounceStreaks(trx: Kysely<Database>, recipientIds: readonly number[]) {
  await trx
    .updateTable('supporters')
    .set({ soft_bounces: 0 })
    .where('soft_bounces', '>', 0)
    .where(
      'id',
      'in',
      trx.selectFrom('mailing_recipients').select('supporter_id').where('id', 'in', recipientIds),
    )
    .execute();
}
