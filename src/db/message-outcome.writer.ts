// What a send came to, written in the caller's transaction: sent messages and healthy domains, and for a
// failure the consequences domain/delivery/failed-send.ts decides (deferral, domain back-off or pause,
// bounced address, alert). The dispatcher's store records through it; bounces reported later by mail
// (bounce.repository.ts) go through the same bounceTargetsAt and pauseDomain.
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { sendableStatuses } from '../domain/delivery/delivery.js';
import type { RetryPolicy, SendOutcome } from '../domain/delivery/delivery.ports.js';
import { failedSendEffects } from '../domain/delivery/failed-send.js';
import { backoffMs } from '../domain/delivery/smtp-outcome.js';
import { jobKinds, newJob } from '../jobs/kinds.js';
import { chunks, markSent } from './delivery-rows.js';
import { enqueueJobs, type NewJob } from './job.repository.js';
import type { Database, DbHandle } from './schema.js';

const errorLength = 1000;

/** An alert row and the outbox job that mails it to every admin and editor, in the caller's transaction. */
export async function deliveryAlert(
  trx: DbHandle,
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
  return newJob(jobKinds.sendDeliveryAlert, { alertId: id });
}

/**
 * An address that bounced (5.1.x, answered at once or reported later by mail): every target still on it,
 * in any campaign, is marked bounced, its waiting messages held, and the editors alerted. A target given
 * a new address since is no longer on it and stays as it is. Returns the alert mails to enqueue.
 */
export async function bounceTargetsAt(
  trx: DbHandle,
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
      .where('status', 'in', sendableStatuses)
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

/** What each send came to, with bounces, domain timers, pauses and alerts, inside the caller's transaction. */
export async function recordOutcomes(
  trx: DbHandle,
  outcomes: SendOutcome[],
  now: number,
  policy: RetryPolicy,
): Promise<void> {
  const jobs: NewJob[] = [];
  const sent = outcomes.filter((o) => o.ok).map((o) => o.messageId);
  for (const part of chunks(sent)) await markSent(trx, 'messages', part, now);
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
    if (!o.ok) await recordFailure(trx, o, now, policy, jobs);
  }
  if (jobs.length > 0) await enqueueJobs(trx, jobs, now);
}

async function recordFailure(
  trx: DbHandle,
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
  const effects = failedSendEffects(
    {
      kind: message.kind === 'digest' ? 'digest' : 'signature',
      attempts: message.attempts,
      createdAt: message.created_at,
    },
    o.outcome,
    now,
    policy,
  );
  const { status, nextAttemptAt, attemptCounts, members, domain } = effects;

  if (status !== 'dissolve') {
    await trx
      .updateTable('messages')
      .set((eb) => ({
        status,
        locked_by: null,
        locked_until: null,
        last_error: reason,
        ...(nextAttemptAt !== null ? { next_attempt_at: nextAttemptAt } : {}),
        ...(attemptCounts ? {} : { attempts: eb('attempts', '-', 1) }),
      }))
      .where('id', '=', message.id)
      .execute();
  }
  if (members !== null) {
    await trx
      .updateTable('messages')
      .set({ status: members, digest_id: null })
      .where('digest_id', '=', message.id)
      .execute();
  }
  if (status === 'dissolve') await trx.deleteFrom('messages').where('id', '=', message.id).execute();

  if (domain?.action === 'back-off') await throttleDomain(trx, o.domain, now, policy, domain.slowDown);
  if (effects.bounceAddress) jobs.push(...(await bounceTargetsAt(trx, o.address, reason, now)));
  if (domain?.action === 'pause') {
    const alert = await pauseDomain(
      trx,
      { domain: o.domain, campaignId: message.campaign_id, targetId: message.target_id, reason },
      now,
    );
    if (alert) jobs.push(alert);
  }
}

/**
 * A destination domain paused until an editor resumes it (5.7.x policy block, answered at once or reported
 * later by mail), with the alert mail for the message that ran into it. Only the first pause alerts: a
 * domain already paused yields nothing.
 */
export async function pauseDomain(
  trx: DbHandle,
  p: { domain: string; campaignId: number; targetId: number; reason: string },
  now: number,
): Promise<NewJob | undefined> {
  const paused = await upsertDomain(trx, p.domain, now, { paused_at: now, paused_reason: p.reason }, (eb) =>
    eb('mail_domains.paused_at', 'is', null),
  );
  if (!paused) return undefined;
  return deliveryAlert(
    trx,
    {
      kind: 'domain_paused',
      campaignId: p.campaignId,
      targetId: p.targetId,
      domain: p.domain,
      detail: p.reason,
    },
    now,
  );
}

/** The shared timer of a destination domain after a temporary failure; 451 4.7.500 also slows it to 1. */
export async function throttleDomain(
  trx: DbHandle,
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
  await upsertDomain(trx, domain, now, fields);
}

export async function upsertDomain(
  trx: DbHandle,
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
