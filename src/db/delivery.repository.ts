// Storage for delivery: which targets have messages due, per-address pacing slots, per-domain state, the
// claim that moves messages to `sending` (with a lease) before any SMTP traffic, and the outcome that moves
// them on afterwards, with bounces, domain pauses and alerts written in the same transaction.
import { randomBytes } from 'node:crypto';
import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import { type MessageStatus, sendableStatuses } from '../domain/delivery/delivery.js';
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
import { backoffMs } from '../domain/delivery/smtp-outcome.js';
import type { DeliveryStatusReader, SignatureDelivery } from '../domain/delivery/view-delivery-status.js';
import type { Db } from './database.js';
import { enqueueJobs, type NewJob } from './job.repository.js';
import type { Database } from './schema.js';

export const deliveryAlertJob = 'send-delivery-alert';
export interface DeliveryAlertPayload {
  alertId: number;
}

export interface AlertMail {
  kind: string;
  detail: string;
  domain: string | null;
  createdAt: number;
  campaignSlug: string | null;
  targetName: string | null;
  targetEmail: string | null;
  recipients: { name: string; email: string; locale: string }[];
}

/** Signatures one digest carries at most; the rest wait for the next one. */
export const digestMaxSize = 1000;

const sendable = sendableStatuses;
const errorLength = 1000;

type Trx = Kysely<Database>;

/**
 * `status` for statements that name their rows by id: an expression, so the planner finds the rows by
 * primary key instead of walking idx_messages_status_locked. Without statistics SQLite took the index for
 * `id in (…) and status in (…)` and read every queued message of the backlog on each claim (measured: 1 ms
 * a round with 20,000 queued, growing with the backlog; 0.4 ms by primary key).
 */
const statusOfRow = sql<string>`(${sql.ref('status')} || '')`;

function chunks<T>(items: T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An alert row and the outbox job that mails it to every admin and editor, in the caller's transaction. */
export async function deliveryAlert(
  trx: Trx,
  a: {
    kind: string;
    campaignId: number | null;
    targetId: number | null;
    domain: string | null;
    detail: string;
  },
  now: number,
): Promise<NewJob> {
  const { id } = await trx
    .insertInto('alerts')
    .values({
      kind: a.kind,
      campaign_id: a.campaignId,
      target_id: a.targetId,
      domain: a.domain,
      detail: a.detail,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payload: DeliveryAlertPayload = { alertId: id };
  return { kind: deliveryAlertJob, payload };
}

/**
 * An address that bounced (5.1.x, answered at once or reported later by mail): every target still on it,
 * in any campaign, is marked bounced, its waiting messages held, and the editors alerted. A target given
 * a new address since is no longer on it and stays as it is. Returns the alert mails to enqueue.
 */
export async function bounceTargetsAt(
  trx: Trx,
  address: string,
  reason: string,
  now: number,
): Promise<NewJob[]> {
  const jobs: NewJob[] = [];
  const targets = await trx
    .selectFrom('targets')
    .select(['id', 'campaign_id'])
    .where(sql`lower(email)`, '=', address)
    .where('status', '!=', 'bounced')
    .execute();
  for (const t of targets) {
    await trx
      .updateTable('targets')
      .set({ status: 'bounced', bounced_at: now, last_error: reason })
      .where('id', '=', t.id)
      .execute();
    await trx
      .updateTable('messages')
      .set({ status: 'held' })
      .where('target_id', '=', t.id)
      .where('status', 'in', sendable)
      .execute();
    jobs.push(
      await deliveryAlert(
        trx,
        { kind: 'target_bounced', campaignId: t.campaign_id, targetId: t.id, domain: null, detail: reason },
        now,
      ),
    );
  }
  return jobs;
}

export class DeliveryRepository implements DeliveryStore, DeliveryStatusReader {
  private readonly db: Kysely<Database>;
  constructor(db: Db) {
    this.db = db.kysely;
  }

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
      if (record && outcomes.length > 0) await this.recordIn(trx, outcomes, now, record.policy);
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
        const due = await this.dueMessagesOf(trx, part, now);
        for (const claim of part) ids.push(...(due.get(claim.targetId) ?? []).slice(0, claim.count));
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
        const due = await this.dueMessages(trx, claim.targetId, now, digestMaxSize);
        if (due.length === 0) continue;
        const { id } = await trx
          .insertInto('messages')
          .values({
            kind: 'digest',
            signature_id: null,
            target_id: claim.targetId,
            campaign_id: due[0]!.campaign_id,
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
      return this.loadClaimed(
        trx,
        claimed.sort((a, b) => a - b),
      );
    });
  }

  /**
   * The oldest due message ids of several targets, in one statement: for each target two index seeks
   * (queued, and deferred whose time has come), each stopping at the claim's count, joined with UNION ALL.
   * Returns each target's ids in age order.
   */
  private async dueMessagesOf(trx: Trx, claims: SendClaim[], now: number): Promise<Map<number, number[]>> {
    const out = new Map<number, number[]>();
    if (claims.length === 0) return out;
    const arm = (claim: SendClaim, status: 'queued' | 'deferred') =>
      trx
        .selectFrom((eb) =>
          eb
            .selectFrom('messages')
            .select(['id', 'target_id'])
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
        .select(['due.id', 'due.target_id']);
    let query = arm(claims[0]!, 'queued').unionAll(arm(claims[0]!, 'deferred'));
    for (const claim of claims.slice(1))
      query = query.unionAll(arm(claim, 'queued')).unionAll(arm(claim, 'deferred'));
    const rows = await query.execute();
    for (const r of rows) {
      const list = out.get(r.target_id) ?? [];
      list.push(r.id);
      out.set(r.target_id, list);
    }
    for (const list of out.values()) list.sort((a, b) => a - b);
    return out;
  }

  /**
   * The oldest due messages of a target. Queued and deferred are read separately so each read walks the
   * (target_id, status, id) index in order and stops at `limit`, however long the backlog.
   */
  private async dueMessages(trx: Trx, targetId: number, now: number, limit: number) {
    const queued = await trx
      .selectFrom('messages')
      .select(['id', 'campaign_id'])
      .where('target_id', '=', targetId)
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    const deferred = await trx
      .selectFrom('messages')
      .select(['id', 'campaign_id'])
      .where('target_id', '=', targetId)
      .where('status', '=', 'deferred')
      .where('next_attempt_at', '<=', now)
      .orderBy('id')
      .limit(limit)
      .execute();
    if (deferred.length === 0) return queued;
    return [...queued, ...deferred].sort((x, y) => x.id - y.id).slice(0, limit);
  }

  private async loadClaimed(trx: Trx, ids: number[]): Promise<ClaimedMessage[]> {
    if (ids.length === 0) return [];
    const out: ClaimedMessage[] = [];
    for (const part of chunks(ids)) {
      const rows = await trx
        .selectFrom('messages as m')
        .innerJoin('targets as t', 't.id', 'm.target_id')
        .innerJoin('campaigns as c', 'c.id', 'm.campaign_id')
        .leftJoin('signatures as s', 's.id', 'm.signature_id')
        .leftJoin('supporters as p', 'p.id', 's.supporter_id')
        .select([
          'm.id',
          'm.kind',
          'm.campaign_id as campaignId',
          'c.slug as campaignSlug',
          'm.target_id as targetId',
          't.name as targetName',
          'm.to_address as toAddress',
          't.locale as targetLocale',
          'm.message_id_header as messageIdHeader',
          'm.attempts',
          'm.created_at as createdAt',
          's.name',
          's.union_name as unionName',
          's.country',
          's.message',
          's.locale',
          's.created_at as signedAt',
          // Reply-To only for an address its owner confirmed: anyone can type anyone's (decision 0015).
          (eb) =>
            eb
              .case()
              .when('p.email_confirmed_at', 'is not', null)
              .then(eb.ref('p.email'))
              .end()
              .as('supporterEmail'),
        ])
        .where('m.id', 'in', part)
        .orderBy('m.id')
        .execute();
      const digestIds = rows.filter((r) => r.kind === 'digest').map((r) => r.id);
      const members = new Map<number, ClaimedMessage['signatures']>();
      for (const dpart of chunks(digestIds)) {
        const list = await trx
          .selectFrom('messages as m')
          .innerJoin('signatures as s', 's.id', 'm.signature_id')
          .select([
            'm.digest_id as digestId',
            's.name',
            's.union_name as unionName',
            's.country',
            's.message',
            's.locale',
            's.created_at as createdAt',
          ])
          .where('m.digest_id', 'in', dpart)
          .orderBy('m.id')
          .execute();
        for (const r of list) {
          const key = r.digestId!;
          const arr = members.get(key) ?? [];
          arr.push({
            name: r.name,
            unionName: r.unionName,
            country: r.country,
            message: r.message,
            locale: r.locale,
            createdAt: r.createdAt,
          });
          members.set(key, arr);
        }
      }
      for (const r of rows) {
        const signatures: ClaimedMessage['signatures'] =
          r.kind === 'digest'
            ? (members.get(r.id) ?? [])
            : r.name !== null
              ? [
                  {
                    name: r.name,
                    unionName: r.unionName,
                    country: r.country,
                    message: r.message ?? '',
                    locale: r.locale ?? 'en',
                    createdAt: r.signedAt ?? r.createdAt,
                  },
                ]
              : [];
        out.push({
          id: r.id,
          kind: r.kind === 'digest' ? 'digest' : 'signature',
          campaignId: r.campaignId,
          campaignSlug: r.campaignSlug,
          targetId: r.targetId,
          target: { name: r.targetName, email: r.toAddress ?? '', locale: r.targetLocale },
          messageIdHeader: r.messageIdHeader ?? '',
          attempts: r.attempts,
          createdAt: r.createdAt,
          signatures,
          supporterEmail: r.supporterEmail,
        });
      }
    }
    return out;
  }

  /** An alert with what its mail needs, and the people who receive it (active admins and editors). */
  async alertForMail(id: number): Promise<AlertMail | undefined> {
    const alert = await this.db
      .selectFrom('alerts as a')
      .leftJoin('campaigns as c', 'c.id', 'a.campaign_id')
      .leftJoin('targets as t', 't.id', 'a.target_id')
      .select([
        'a.kind',
        'a.detail',
        'a.domain',
        'a.created_at as createdAt',
        'c.slug as campaignSlug',
        't.name as targetName',
        't.email as targetEmail',
      ])
      .where('a.id', '=', id)
      .executeTakeFirst();
    if (!alert) return undefined;
    const recipients = await this.db
      .selectFrom('users')
      .select(['name', 'email', 'locale'])
      .where('role', 'in', ['admin', 'editor'])
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .execute();
    return { ...alert, recipients };
  }

  async forSignature(signatureId: number): Promise<SignatureDelivery | undefined> {
    const signature = await this.db
      .selectFrom('signatures as s')
      .innerJoin('campaigns as c', 'c.id', 's.campaign_id')
      .select(['s.status', 'c.id as campaignId', 'c.slug', 'c.delivery_mode as deliveryMode'])
      .where('s.id', '=', signatureId)
      .executeTakeFirst();
    if (!signature) return undefined;
    const rows = await this.db
      .selectFrom('targets as t')
      .leftJoin('messages as m', (j) =>
        j.onRef('m.target_id', '=', 't.id').on('m.signature_id', '=', signatureId),
      )
      .leftJoin('messages as d', 'd.id', 'm.digest_id')
      .select([
        't.name as targetName',
        't.organisation',
        't.kind',
        'm.status as messageStatus',
        'd.status as digestStatus',
      ])
      .where('t.campaign_id', '=', signature.campaignId)
      .orderBy('t.position')
      .orderBy('t.id')
      .execute();
    return {
      signatureStatus: signature.status,
      campaignSlug: signature.slug,
      deliveryMode: signature.deliveryMode,
      rows: rows.map((r) => ({
        targetName: r.targetName,
        organisation: r.organisation,
        kind: r.kind === 'copy' ? 'copy' : 'target',
        messageStatus: r.messageStatus as MessageStatus | null,
        digestStatus: r.digestStatus as MessageStatus | null,
      })),
    };
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
    await this.db.transaction().execute((trx) => this.recordIn(trx, outcomes, now, policy));
  }

  /** What each send came to, with bounces, domain timers, pauses and alerts, inside the caller's transaction. */
  private async recordIn(trx: Trx, outcomes: SendOutcome[], now: number, policy: RetryPolicy): Promise<void> {
    const jobs: NewJob[] = [];
    const sent = outcomes.filter((o) => o.ok).map((o) => o.messageId);
    for (const part of chunks(sent)) {
      await trx
        .updateTable('messages')
        .set({ status: 'sent', sent_at: now, locked_by: null, locked_until: null, last_error: null })
        .where('id', 'in', part)
        .where(statusOfRow, '=', 'sending')
        .execute();
    }
    const healthy = [...new Set(outcomes.filter((o) => o.ok).map((o) => o.domain))];
    for (const part of chunks(healthy)) {
      await trx
        .updateTable('mail_domains')
        .set({ failures: 0, throttled_until: null, updated_at: now })
        .where('domain', 'in', part)
        .where('failures', '>', 0)
        .execute();
    }
    for (const o of outcomes) {
      if (!o.ok) await this.recordFailure(trx, o, now, policy, jobs);
    }
    if (jobs.length > 0) await enqueueJobs(trx, jobs, now);
  }

  private async recordFailure(
    trx: Trx,
    o: Extract<SendOutcome, { ok: false }>,
    now: number,
    policy: RetryPolicy,
    jobs: NewJob[],
  ): Promise<void> {
    const message = await trx
      .selectFrom('messages')
      .select(['id', 'kind', 'attempts', 'created_at', 'target_id', 'campaign_id'])
      .where('id', '=', o.messageId)
      .where('status', '=', 'sending')
      .executeTakeFirst();
    if (!message) return;
    const reason = o.outcome.reason.slice(0, errorLength);
    const done = { locked_by: null, locked_until: null, last_error: reason };
    const setStatus = (status: string, extra: Partial<{ next_attempt_at: number | null }> = {}) =>
      trx
        .updateTable('messages')
        .set({ status, ...done, ...extra })
        .where('id', '=', message.id)
        .execute();
    const releaseMembers = (status: 'held' | 'failed' | 'queued') =>
      message.kind === 'digest'
        ? trx
            .updateTable('messages')
            .set({ status, digest_id: null })
            .where('digest_id', '=', message.id)
            .execute()
        : Promise.resolve();

    switch (o.outcome.action) {
      case 'retry': {
        if (now - message.created_at >= policy.giveUpAfterMs) {
          await setStatus('failed');
          await releaseMembers('failed');
        } else {
          await setStatus('deferred', {
            next_attempt_at: now + backoffMs(message.attempts, policy.retryBaseMs, policy.retryMaxMs),
          });
        }
        await this.throttleDomain(trx, o.domain, now, policy, o.outcome.slowDown);
        return;
      }
      case 'unknown':
        await setStatus('unknown');
        return;
      case 'fail':
        await setStatus('failed');
        await releaseMembers('failed');
        return;
      case 'bounce': {
        await setStatus('bounced');
        await releaseMembers('held');
        jobs.push(...(await bounceTargetsAt(trx, o.address, reason, now)));
        return;
      }
      case 'pause-domain': {
        // The message is not at fault: it waits (attempt not counted) until an editor resumes the domain.
        await trx
          .updateTable('messages')
          .set((eb) => ({ status: 'queued', ...done, attempts: eb('attempts', '-', 1) }))
          .where('id', '=', message.id)
          .execute();
        if (message.kind === 'digest') await releaseMembers('queued');
        if (message.kind === 'digest')
          await trx.deleteFrom('messages').where('id', '=', message.id).execute();
        const paused = await this.upsertDomain(
          trx,
          o.domain,
          now,
          { paused_at: now, paused_reason: reason },
          (eb) => eb('mail_domains.paused_at', 'is', null),
        );
        if (paused) {
          jobs.push(
            await deliveryAlert(
              trx,
              {
                kind: 'domain_paused',
                campaignId: message.campaign_id,
                targetId: message.target_id,
                domain: o.domain,
                detail: reason,
              },
              now,
            ),
          );
        }
        return;
      }
    }
  }

  /** The shared timer of a destination domain after a temporary failure; 451 4.7.500 also slows it to 1. */
  private async throttleDomain(
    trx: Trx,
    domain: string,
    now: number,
    policy: { retryBaseMs: number; retryMaxMs: number },
    slowDown: boolean,
  ): Promise<void> {
    const current = await trx
      .selectFrom('mail_domains')
      .select('failures')
      .where('domain', '=', domain)
      .executeTakeFirst();
    const failures = (current?.failures ?? 0) + 1;
    const fields = {
      failures,
      throttled_until: now + backoffMs(failures, policy.retryBaseMs, policy.retryMaxMs),
      ...(slowDown ? { concurrency: 1 } : {}),
    };
    await this.upsertDomain(trx, domain, now, fields);
  }

  private async upsertDomain(
    trx: Trx,
    domain: string,
    now: number,
    fields: Partial<{
      failures: number;
      throttled_until: number;
      concurrency: number;
      paused_at: number;
      paused_reason: string;
    }>,
    onlyIf?: (eb: ExpressionBuilder<Database, 'mail_domains'>) => Expression<SqlBool>,
  ): Promise<boolean> {
    const row = await trx
      .insertInto('mail_domains')
      .values({ domain, updated_at: now, ...fields })
      .onConflict((oc) => {
        const update = oc.column('domain').doUpdateSet({ ...fields, updated_at: now });
        return onlyIf ? update.where(onlyIf) : update;
      })
      .returning('domain')
      .executeTakeFirst();
    return row !== undefined;
  }
}
