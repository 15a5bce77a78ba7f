// What the sends of a mailing came to, written in the sender's tick transaction: sent rows in one statement
// per batch, the rare failures one by one with their consequences (a bounced address suppressed, a domain
// backing off or paused in the state delivery keeps, so target letters respect it too). A domain this
// mailing's refusal paused gets an alert row (the dashboard counts it) and one alert mail to the editors,
// returned as a job for the same transaction: one per pause, since only the write that pauses it gets one.
import type { RecipientOutcome } from '../domain/mailing/mailing-queue.ports.js';
import type { MailingSendPolicy } from '../domain/mailing/send-policy.js';
import { jobKinds, newJob } from '../jobs/kinds.js';
import { redactAddresses } from '../security/redact-addresses.js';
import { chunks, markSent, statusOfRow } from './delivery-rows.js';
import type { NewJob } from './job.repository.js';
import { throttleDomain, upsertDomain } from './message-outcome.writer.js';
import type { DbHandle } from './schema.js';
import { endSoftBounceStreaks } from './supporter-mail-outcome.writer.js';

const errorLength = 500;
const clip = (s: string) => (s.length > errorLength ? `${s.slice(0, errorLength - 3)}...` : s);

export async function writeRecipientOutcomes(
  trx: DbHandle,
  outcomes: RecipientOutcome[],
  now: number,
  policy: Pick<MailingSendPolicy, 'retryBaseMs' | 'retryMaxMs'>,
): Promise<NewJob[]> {
  const jobs: NewJob[] = [];
  const sent = outcomes.filter((o) => o.result === 'sent').map((o) => o.id);
  for (const part of chunks(sent)) {
    await markSent(trx, 'mailing_recipients', part, now);
    await endSoftBounceStreaks(trx, part);
  }
  for (const o of outcomes) {
    if (o.result === 'sent') continue;
    const row = trx
      .updateTable('mailing_recipients')
      .where('id', '=', o.id)
      .where(statusOfRow, '=', 'sending');
    const unlocked = { locked_by: null, locked_until: null, last_error: clip(o.reason) };
    switch (o.result) {
      case 'bounced': {
        const bounced = await row
          .set({ ...unlocked, status: 'bounced', bounced_at: now })
          .returning('supporter_id')
          .executeTakeFirst();
        // A mailbox that does not exist is never mailed again (issue 18: a hard bounce suppresses).
        if (bounced) {
          await trx
            .updateTable('supporters')
            .set({ mail_suppressed_at: now, mail_suppressed_reason: 'hard_bounce', updated_at: now })
            .where('id', '=', bounced.supporter_id)
            .where('mail_suppressed_at', 'is', null)
            .execute();
        }
        break;
      }
      case 'failed':
        await row.set({ ...unlocked, status: 'failed' }).execute();
        break;
      case 'unknown':
        await row.set({ ...unlocked, status: 'failed', last_error: clip(`unknown: ${o.reason}`) }).execute();
        break;
      case 'retry':
        await row.set({ ...unlocked, status: 'queued', next_attempt_at: o.retryAt }).execute();
        await throttleDomain(trx, o.domain, now, policy, o.slowDown);
        break;
      case 'held':
        // A policy block is about the domain, not this message: the attempt does not count.
        await row
          .set((eb) => ({ ...unlocked, status: 'queued', attempts: eb('attempts', '-', 1) }))
          .execute();
        if (
          await upsertDomain(trx, o.domain, now, { paused_at: now, paused_reason: clip(o.reason) }, (eb) =>
            eb('mail_domains.paused_at', 'is', null),
          )
        ) {
          jobs.push(await pausedDomainAlert(trx, o.id, o.domain, o.reason, now));
        }
        break;
    }
  }
  return jobs;
}

/** The alert of a domain that a mailing's refusal has just paused, and the job that mails it. */
async function pausedDomainAlert(
  trx: DbHandle,
  rowId: number,
  domain: string,
  reason: string,
  now: number,
): Promise<NewJob> {
  const { mailing_id: mailingId, campaign_id: campaignId } = await trx
    .selectFrom('mailing_recipients as r')
    .innerJoin('mailings as m', 'm.id', 'r.mailing_id')
    .select(['r.mailing_id', 'm.campaign_id'])
    .where('r.id', '=', rowId)
    .executeTakeFirstOrThrow();
  // The server's answer often quotes the recipient: no supporter's address in the alert or the job.
  const detail = clip(redactAddresses(reason));
  await trx
    .insertInto('alerts')
    .values({
      kind: 'domain_paused',
      campaign_id: campaignId,
      target_id: null,
      domain,
      detail,
      created_at: now,
    })
    .execute();
  return newJob(jobKinds.sendMailingAlert, { mailingId, domain, reason: detail });
}
