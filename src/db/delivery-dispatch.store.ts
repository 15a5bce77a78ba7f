// The dispatcher's store (domain DeliveryStore): which targets have messages due, per-address pacing slots,
// per-domain state, the claim that moves messages to `sending` (with a lease) before any SMTP traffic, and
// the recording of outcomes afterwards (message-outcome.writer.ts), in the next claim's transaction.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { sendableStatuses } from '../domain/delivery/delivery.js';
import type {
  ClaimedMessage,
  DeliveryStore,
  DomainState,
  RetryPolicy,
  SendCandidate,
  SendClaim,
  SendOutcome,
} from '../domain/delivery/delivery.ports.js';
import { effectiveCap, parseOfficeHours } from '../domain/delivery/pacing.js';
import { readClaimedMessages } from './claimed-message.reader.js';
import { chunks, statusOfRow } from './delivery-rows.js';
import { KyselyStore } from './kysely-store.js';
import { recordOutcomes } from './message-outcome.writer.js';
import type { DbHandle } from './schema.js';

/** Signatures one digest carries at most; the rest wait for the next one. */
export const digestMaxSize = 1000;

const sendable = sendableStatuses;

/**
 * The oldest due messages of each claimed target, in one statement: for each target two index seeks
 * (queued, and deferred whose time has come), each walking the (target_id, status, id) index in order and
 * stopping at the claim's count however long the backlog, joined with UNION ALL. Returns each target's
 * messages oldest first, at most its count. Letters and digests are both claimed from it.
 */
async function dueMessages(
  trx: DbHandle,
  claims: { targetId: number; count: number }[],
  now: number,
): Promise<Map<number, { id: number; campaignId: number }[]>> {
  const out = new Map<number, { id: number; campaignId: number }[]>();
  if (claims.length === 0) return out;
  const arm = (claim: { targetId: number; count: number }, status: 'queued' | 'deferred') =>
    trx
      .selectFrom((eb) =>
        eb
          .selectFrom('messages')
          .select(['id', 'target_id', 'campaign_id'])
          .where('target_id', '=', claim.targetId)
          .where('status', '=', status)
          .where((w) =>
            status === 'queued'
              ? w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', now)])
              : w('next_attempt_at', '<=', now),
          )
          .orderBy('id')
          .limit(claim.count)
          .as('due'),
      )
      .select(['due.id', 'due.target_id', 'due.campaign_id']);
  let query = arm(claims[0]!, 'queued').unionAll(arm(claims[0]!, 'deferred'));
  for (const claim of claims.slice(1))
    query = query.unionAll(arm(claim, 'queued')).unionAll(arm(claim, 'deferred'));
  for (const r of await query.execute()) {
    const list = out.get(r.target_id) ?? [];
    list.push({ id: r.id, campaignId: r.campaign_id });
    out.set(r.target_id, list);
  }
  for (const claim of claims) {
    const list = out.get(claim.targetId);
    if (list) out.set(claim.targetId, list.sort((a, b) => a.id - b.id).slice(0, claim.count));
  }
  return out;
}

export class DeliveryDispatchStore extends KyselyStore implements DeliveryStore {
  async recoverAbandoned(now: number): Promise<{ id: number; toAddress: string | null }[]> {
    return this.db
      .updateTable('messages')
      .set({
        status: 'unknown',
        locked_by: null,
        locked_until: null,
        last_error: 'the worker stopped during the send; it may or may not have been delivered',
      })
      .where('status', '=', 'sending')
      .where('locked_until', '<', now)
      .returning(['id', 'to_address as toAddress'])
      .execute();
  }

  async renewLeases(workerId: string, until: number): Promise<void> {
    await this.db
      .updateTable('messages')
      .set({ locked_until: until })
      .where('status', '=', 'sending')
      .where('locked_by', '=', workerId)
      .execute();
  }

  async candidates(now: number): Promise<SendCandidate[]> {
    // One statement: each active target with its oldest due message found by two index seeks (queued,
    // and deferred whose time has come), so a round costs the same with 60,000 messages waiting as with
    // 60: never a scan of the backlog.
    const targets = await this.db
      .selectFrom('targets as t')
      .innerJoin('campaigns as c', 'c.id', 't.campaign_id')
      .where('t.status', '=', 'active')
      .where('t.paused_at', 'is', null)
      .where('c.delivery_mode', '!=', 'petition_only')
      .select((eb) => [
        't.id as targetId',
        't.campaign_id as campaignId',
        'c.slug as campaignSlug',
        't.email',
        't.kind',
        't.hourly_cap as targetCap',
        'c.target_hourly_cap as campaignCap',
        'c.office_hours as officeHours',
        't.time_zone as timeZone',
        'c.delivery_mode as deliveryMode',
        'c.digest_interval_minutes as digestMinutes',
        't.last_digest_at as lastDigestAt',
        eb
          .selectFrom('messages as m')
          .select('m.id')
          .whereRef('m.target_id', '=', 't.id')
          .where('m.status', '=', 'queued')
          .where((w) => w.or([w('m.next_attempt_at', 'is', null), w('m.next_attempt_at', '<=', now)]))
          .orderBy('m.id')
          .limit(1)
          .as('queuedId'),
        eb
          .selectFrom('messages as m')
          .select('m.id')
          .whereRef('m.target_id', '=', 't.id')
          .where('m.status', '=', 'deferred')
          .where('m.next_attempt_at', '<=', now)
          .orderBy('m.id')
          .limit(1)
          .as('deferredId'),
      ])
      .execute();
    const out: SendCandidate[] = [];
    for (const r of targets) {
      const ids = [r.queuedId, r.deferredId]
        .filter((x): x is number => x !== null && x !== undefined)
        .map(Number);
      if (ids.length === 0) continue;
      const cap = effectiveCap(r.kind, r.targetCap, r.campaignCap);
      const digest = r.deliveryMode === 'digest' && cap !== null;
      out.push({
        targetId: r.targetId,
        campaignId: r.campaignId,
        campaignSlug: r.campaignSlug,
        address: r.email.toLowerCase(),
        kind: r.kind === 'copy' ? 'copy' : 'target',
        cap,
        officeHours: parseOfficeHours(r.officeHours),
        timeZone: r.timeZone,
        deliveryMode: r.deliveryMode as SendCandidate['deliveryMode'],
        digestIntervalMs: r.digestMinutes * 60_000,
        lastDigestAt: r.lastDigestAt,
        // Only digests need to know how many wait, and only whether it is more than the cap.
        waiting: digest ? await this.countDue(r.targetId, now, cap + 1) : Number.MAX_SAFE_INTEGER,
        oldestMessageId: Math.min(...ids),
      });
    }
    return out;
  }

  private async countDue(targetId: number, now: number, atMost: number): Promise<number> {
    const rows = await this.db
      .selectFrom('messages')
      .select('id')
      .where('target_id', '=', targetId)
      .where('status', 'in', sendable)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .limit(atMost)
      .execute();
    return rows.length;
  }

  async pacing(addresses: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const part of chunks([...new Set(addresses)])) {
      const rows = await this.db
        .selectFrom('delivery_pacing')
        .select(['address', 'next_send_at'])
        .where('address', 'in', part)
        .execute();
      for (const r of rows) out.set(r.address, r.next_send_at);
    }
    return out;
  }

  async domains(names: string[]): Promise<Map<string, DomainState>> {
    const out = new Map<string, DomainState>();
    for (const part of chunks([...new Set(names)])) {
      const rows = await this.db.selectFrom('mail_domains').selectAll().where('domain', 'in', part).execute();
      for (const r of rows) {
        out.set(r.domain, {
          domain: r.domain,
          concurrency: r.concurrency,
          failures: r.failures,
          throttledUntil: r.throttled_until,
          pausedAt: r.paused_at,
        });
      }
    }
    return out;
  }

  async claim(
    claims: SendClaim[],
    ctx: { workerId: string; leaseUntil: number; now: number; messageIdDomain: string },
    record?: { outcomes: SendOutcome[]; policy: RetryPolicy },
  ): Promise<ClaimedMessage[]> {
    const outcomes = record?.outcomes ?? [];
    if (claims.length === 0 && outcomes.length === 0) return [];
    const { now } = ctx;
    const token = randomBytes(6).toString('hex');
    const messageId = (id: number) => `<outcry.${id}.${token}@${ctx.messageIdDomain}>`;
    return this.db.transaction().execute(async (trx) => {
      // Outcomes of sends already made first: a bounce holds its address's messages before they can be
      // claimed below, and the round costs one durable commit instead of two (decision 0007).
      if (record && outcomes.length > 0) await recordOutcomes(trx, outcomes, now, record.policy);
      if (claims.length === 0) return [];
      // One reservation per address, all in one statement: a slot another worker took since we read it
      // (its next_send_at is now in the future) is not updated, not returned, and its claims are skipped.
      const nextByAddress = new Map<string, number>();
      for (const c of claims)
        nextByAddress.set(c.address, Math.max(nextByAddress.get(c.address) ?? 0, c.nextSendAt));
      const reserved = new Set<string>();
      for (const part of chunks([...nextByAddress], 200)) {
        const rows = await trx
          .insertInto('delivery_pacing')
          .values(part.map(([address, next]) => ({ address, next_send_at: next })))
          .onConflict((oc) =>
            oc
              .column('address')
              .doUpdateSet({ next_send_at: (eb) => eb.ref('excluded.next_send_at') })
              .where('delivery_pacing.next_send_at', '<=', now),
          )
          .returning('address')
          .execute();
        for (const r of rows) reserved.add(r.address);
      }
      const mine = claims.filter((c) => reserved.has(c.address));

      // Single letters: the oldest due messages of every claimed target in one read, then one update.
      const letters = mine.filter((c) => !c.digest);
      const ids: number[] = [];
      for (const part of chunks(letters, 100)) {
        const due = await dueMessages(trx, part, now);
        for (const claim of part) ids.push(...(due.get(claim.targetId) ?? []).map((m) => m.id));
      }
      const claimed: number[] = [];
      for (const part of chunks(ids)) {
        const rows = await trx
          .updateTable('messages')
          .set((eb) => ({
            status: 'sending',
            attempts: eb('attempts', '+', 1),
            // The address it goes to, kept with the message (a bounced target may get a new one later).
            to_address: eb
              .selectFrom('targets')
              .select(sql<string>`lower(targets.email)`.as('email'))
              .whereRef('targets.id', '=', 'messages.target_id'),
            locked_by: ctx.workerId,
            locked_until: ctx.leaseUntil,
            last_attempt_at: now,
            message_id_header: sql<string>`'<outcry.' || ${sql.ref('id')} || ${`.${token}@${ctx.messageIdDomain}>`}`,
          }))
          .where('id', 'in', part)
          .where(statusOfRow, 'in', sendable)
          .returning('id')
          .execute();
        claimed.push(...rows.map((r) => r.id));
      }

      for (const claim of mine.filter((c) => c.digest)) {
        const found = await dueMessages(trx, [{ targetId: claim.targetId, count: digestMaxSize }], now);
        const due = found.get(claim.targetId) ?? [];
        if (due.length === 0) continue;
        const { id } = await trx
          .insertInto('messages')
          .values({
            kind: 'digest',
            signature_id: null,
            target_id: claim.targetId,
            campaign_id: due[0]!.campaignId,
            status: 'sending',
            digest_size: due.length,
            to_address: claim.address,
            attempts: 1,
            locked_by: ctx.workerId,
            locked_until: ctx.leaseUntil,
            last_attempt_at: now,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await trx
          .updateTable('messages')
          .set({ message_id_header: messageId(id) })
          .where('id', '=', id)
          .execute();
        for (const part of chunks(due.map((d) => d.id))) {
          await trx
            .updateTable('messages')
            .set({ status: 'digested', digest_id: id, next_attempt_at: null })
            .where('id', 'in', part)
            .execute();
        }
        await trx
          .updateTable('targets')
          .set({ last_digest_at: now })
          .where('id', '=', claim.targetId)
          .execute();
        claimed.push(id);
      }
      return readClaimedMessages(
        trx,
        claimed.sort((a, b) => a - b),
      );
    });
  }

  async release(ids: number[]): Promise<void> {
    for (const part of chunks(ids)) {
      await this.db.transaction().execute(async (trx) => {
        // A digest never started: its signatures wait again, the digest row goes.
        const digests = await trx
          .selectFrom('messages')
          .select('id')
          .where('id', 'in', part)
          .where('kind', '=', 'digest')
          .execute();
        for (const d of digests) {
          await trx
            .updateTable('messages')
            .set({ status: 'queued', digest_id: null })
            .where('digest_id', '=', d.id)
            .execute();
          await trx.deleteFrom('messages').where('id', '=', d.id).execute();
        }
        await trx
          .updateTable('messages')
          .set((eb) => ({
            status: 'queued',
            locked_by: null,
            locked_until: null,
            attempts: eb('attempts', '-', 1),
          }))
          .where('id', 'in', part)
          .where(statusOfRow, '=', 'sending')
          .execute();
      });
    }
  }

  async record(outcomes: SendOutcome[], now: number, policy: RetryPolicy): Promise<void> {
    if (outcomes.length === 0) return;
    await this.db.transaction().execute((trx) => recordOutcomes(trx, outcomes, now, policy));
  }
}
