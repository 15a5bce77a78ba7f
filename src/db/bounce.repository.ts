// Storage for bounces that arrive later by mail (domain/delivery/record-bounce.ts): the message a VERP
// address names, and each consequence written in one transaction with its alert and outbox job, exactly as
// message-outcome.writer.ts records a synchronous 5.1.x or 5.7.x answer (same alert kinds, same job).
// Every change is conditional on the message still being `sent` or `unknown`: a report applied twice, or
// by two processes at once, has one effect.
import { addressDomain } from '../domain/delivery/delivery.js';
import {
  type BounceChange,
  type BouncedMessage,
  type BounceStore,
  bounceableStatuses,
} from '../domain/delivery/record-bounce.js';
import { enqueueJobs, type NewJob } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import { bounceTargetsAt, pauseDomain } from './message-outcome.writer.js';
import type { DbHandle } from './schema.js';

export class BounceRepository extends KyselyStore implements BounceStore {
  async messageForBounce(id: number): Promise<BouncedMessage | undefined> {
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    return this.db
      .selectFrom('messages')
      .select(['id', 'status', 'to_address as toAddress', 'message_id_header as messageIdHeader'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async applyBounce(change: BounceChange): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const jobs: NewJob[] = [];
      const applied = await this.apply(trx, change, jobs);
      if (jobs.length > 0) await enqueueJobs(trx, jobs, change.now);
      return applied;
    });
  }

  private async apply(trx: DbHandle, c: BounceChange, jobs: NewJob[]): Promise<boolean> {
    const { now, reason } = c;
    const move = (status: string, extra: { next_attempt_at?: null } = {}) =>
      trx
        .updateTable('messages')
        .set({ status, last_error: reason, locked_by: null, locked_until: null, ...extra })
        .where('id', '=', c.messageId)
        .where('status', 'in', bounceableStatuses)
        .returning(['id', 'kind', 'campaign_id as campaignId', 'target_id as targetId'])
        .executeTakeFirst();
    // A digest's signatures: what the synchronous answer does with them (held for a new address, failed,
    // or waiting again), so each supporter's status page tells the truth.
    const members = (digestId: number, status: 'held' | 'failed' | 'queued') =>
      trx
        .updateTable('messages')
        .set({ status, digest_id: null })
        .where('digest_id', '=', digestId)
        .where('status', '=', 'digested')
        .execute();

    switch (c.effect) {
      case 'delay': {
        const row = await trx
          .updateTable('messages')
          .set({ last_error: reason })
          .where('id', '=', c.messageId)
          .where('status', 'in', bounceableStatuses)
          .where((eb) => eb.or([eb('last_error', 'is', null), eb('last_error', '!=', reason)]))
          .returning('id')
          .executeTakeFirst();
        return row !== undefined;
      }
      case 'fail': {
        const message = await move('failed');
        if (!message) return false;
        if (message.kind === 'digest') await members(message.id, 'failed');
        return true;
      }
      case 'bounce': {
        const message = await move('bounced');
        if (!message) return false;
        if (message.kind === 'digest') await members(message.id, 'held');
        jobs.push(...(await bounceTargetsAt(trx, c.address, reason, now)));
        return true;
      }
      case 'pause-domain': {
        // The message did not arrive and is not at fault: it waits until an editor resumes the domain.
        const message = await move('queued', { next_attempt_at: null });
        if (!message) return false;
        if (message.kind === 'digest') {
          await members(message.id, 'queued');
          await trx.deleteFrom('messages').where('id', '=', message.id).execute();
        }
        const alert = await pauseDomain(
          trx,
          {
            domain: addressDomain(c.address),
            campaignId: message.campaignId,
            targetId: message.targetId,
            reason,
          },
          now,
        );
        if (alert) jobs.push(alert);
        return true;
      }
    }
  }
}
