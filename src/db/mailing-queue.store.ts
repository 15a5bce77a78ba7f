// The mailing sender's store (domain MailingQueue): the send queue in `mailing_recipients`, read and
// written in pages so a million-recipient mailing costs no more memory than a small one. One transaction
// per sender tick writes the outcomes of finished sends (mailing-outcome.writer.ts), marks the rows about to be sent `sending`, and
// reserves the next page (an UPDATE … RETURNING over a materialised candidate list, SKIP LOCKED on
// PostgreSQL), so a round costs one durable commit (decision 0020).

import type { Kysely } from 'kysely';
import type {
  DomainLimits,
  LiveCampaign,
  MailingContent,
  MailingQueue,
  ReservedRecipient,
  SendingMailing,
  TickInput,
  TickResult,
} from '../domain/mailing/mailing-queue.ports.js';
import {
  defaultMailingSendPolicy,
  interruptedReason,
  type MailingSendPolicy,
  skippedSuppressed,
  skippedUnsubscribed,
} from '../domain/mailing/send-policy.js';
import type { DataVault } from '../security/data-keys.js';
import type { Db } from './database.js';
import { chunks, statusOfRow } from './delivery-rows.js';
import type { Dialect } from './dialect.js';
import { enqueueJobs } from './job.repository.js';
import { finishMailingIfDrained } from './mailing.repository.js';
import { writeRecipientOutcomes } from './mailing-outcome.writer.js';
import { publishedMailing } from './mailing-translation.repository.js';
import type { Database, DbHandle } from './schema.js';

export class MailingQueueStore implements MailingQueue {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  private readonly vault: DataVault;
  private readonly policy: Pick<MailingSendPolicy, 'retryBaseMs' | 'retryMaxMs'>;

  constructor(db: Db, policy: Partial<MailingSendPolicy> = {}) {
    this.db = db.kysely;
    this.dialect = db.dialect;
    this.vault = db.vault;
    this.policy = { ...defaultMailingSendPolicy, ...policy };
  }

  async sendingMailings(): Promise<SendingMailing[]> {
    const rows = await this.db
      .selectFrom('mailings')
      .select(['id', 'rate_per_second'])
      .where('status', '=', 'sending')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, ratePerSecond: r.rate_per_second }));
  }

  async content(mailingId: number): Promise<MailingContent | undefined> {
    const m = await publishedMailing(this.db, mailingId);
    if (!m) return undefined;
    const locales = await this.db
      .selectFrom('mailing_recipients')
      .select('locale')
      .distinct()
      .where('mailing_id', '=', mailingId)
      .where('status', 'in', ['queued', 'sending'])
      .execute();
    return { ...m, recipientLocales: locales.map((l) => l.locale).sort() };
  }

  async liveCampaigns(locale: string, exclude: number | null, limit: number): Promise<LiveCampaign[]> {
    let query = this.db
      .selectFrom('campaigns as c')
      .innerJoin('campaign_translations as src', (j) =>
        j.onRef('src.campaign_id', '=', 'c.id').onRef('src.locale', '=', 'c.source_locale'),
      )
      .leftJoin('campaign_translations as own', (j) =>
        j
          .onRef('own.campaign_id', '=', 'c.id')
          .on('own.locale', '=', locale)
          .on('own.status', '=', 'published'),
      )
      .select(['c.slug', 'c.source_locale', 'src.headline as sourceHeadline', 'own.headline as ownHeadline'])
      .where('c.status', '=', 'live')
      .orderBy('c.id', 'desc')
      .limit(limit);
    if (exclude !== null) query = query.where('c.id', '!=', exclude);
    const rows = await query.execute();
    return rows.map((r) =>
      r.ownHeadline !== null
        ? { slug: r.slug, locale, headline: r.ownHeadline }
        : { slug: r.slug, locale: r.source_locale, headline: r.sourceHeadline },
    );
  }

  async domainLimits(now: number): Promise<DomainLimits> {
    const rows = await this.db
      .selectFrom('mail_domains')
      .select(['domain', 'concurrency', 'paused_at', 'throttled_until'])
      .where((eb) =>
        eb.or([
          eb('paused_at', 'is not', null),
          eb('throttled_until', '>', now),
          eb('concurrency', 'is not', null),
        ]),
      )
      .execute();
    const closed = new Set<string>();
    const concurrency = new Map<string, number>();
    for (const r of rows) {
      if (r.paused_at !== null || (r.throttled_until !== null && r.throttled_until > now))
        closed.add(r.domain);
      if (r.concurrency !== null) concurrency.set(r.domain, r.concurrency);
    }
    return { closed, concurrency };
  }

  async tick(input: TickInput): Promise<TickResult> {
    if (input.outcomes.length === 0 && input.start.length === 0 && !input.reserve) {
      return { started: [], reserved: [], skipped: 0 };
    }
    return this.db.transaction().execute(async (trx) => {
      const alerts = await writeRecipientOutcomes(trx, input.outcomes, input.now, this.policy);
      await enqueueJobs(trx, alerts, input.now);
      const started = await this.start(trx, input);
      const { reserved, skipped } = input.reserve
        ? await this.reserve(trx, input, input.reserve)
        : { reserved: [], skipped: 0 };
      return { started, reserved, skipped };
    });
  }

  /** Reserved rows of this worker, of a mailing still sending, become `sending`: their sends may start. */
  private async start(trx: DbHandle, input: TickInput): Promise<number[]> {
    const started: number[] = [];
    for (const part of chunks(input.start)) {
      const rows = await trx
        .updateTable('mailing_recipients')
        .set((eb) => ({
          status: 'sending',
          attempts: eb('attempts', '+', 1),
          locked_until: input.leaseUntil,
        }))
        .where('id', 'in', part)
        .where(statusOfRow, '=', 'queued')
        .where('locked_by', '=', input.workerId)
        .where('mailing_id', 'in', (eb) =>
          eb.selectFrom('mailings').select('mailings.id').where('mailings.status', '=', 'sending'),
        )
        .returning('id')
        .execute();
      started.push(...rows.map((r) => r.id));
    }
    return started;
  }

  private async reserve(
    trx: DbHandle,
    input: TickInput,
    want: NonNullable<TickInput['reserve']>,
  ): Promise<{ reserved: ReservedRecipient[]; skipped: number }> {
    const { now } = input;
    if (want.limit <= 0) return { reserved: [], skipped: 0 };
    // The candidates are evaluated once (MATERIALIZED), walking (mailing_id, status, id) in order and
    // stopping at the limit however long the queue; PostgreSQL skips rows another worker is reserving.
    const rows = await trx
      .with(
        (cte) => cte('candidates').materialized(),
        (db) => {
          let candidates = db
            .selectFrom('mailing_recipients as r')
            .select('r.id')
            .where('r.mailing_id', '=', want.mailingId)
            // A paused (or cancelled) mailing reserves nothing from the moment its status changed.
            .where((eb) =>
              eb.exists(
                eb
                  .selectFrom('mailings as m')
                  .select('m.id')
                  .where('m.id', '=', want.mailingId)
                  .where('m.status', '=', 'sending'),
              ),
            )
            .where('r.status', '=', 'queued')
            .where((eb) => eb.or([eb('r.next_attempt_at', 'is', null), eb('r.next_attempt_at', '<=', now)]))
            .where((eb) => eb.or([eb('r.locked_until', 'is', null), eb('r.locked_until', '<', now)]))
            .orderBy('r.id')
            .limit(want.limit);
          if (want.closedDomains.length > 0) {
            // Paused or backing-off destination domains wait in the queue; the rest go on.
            candidates = candidates.where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('supporters as s')
                    .select('s.id')
                    .whereRef('s.id', '=', 'r.supporter_id')
                    // Addresses are sealed (decision 0023): the domain's blind index is what matches.
                    .where(
                      's.email_domain_index',
                      'in',
                      want.closedDomains.flatMap((d) => this.vault.domainIndexes(`@${d}`)),
                    ),
                ),
              ),
            );
          }
          return this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
        },
      )
      .updateTable('mailing_recipients')
      .set({ locked_by: input.workerId, locked_until: input.leaseUntil })
      .where('id', 'in', (eb) => eb.selectFrom('candidates').select('candidates.id'))
      .where('status', '=', 'queued')
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
      .returning(['id', 'mailing_id', 'supporter_id', 'locale', 'attempts'])
      .execute();
    if (rows.length === 0) return { reserved: [], skipped: 0 };

    const people = new Map<
      number,
      { email: string; name: string; suppressed: boolean; member: string | null }
    >();
    for (const part of chunks(rows.map((r) => r.id))) {
      const found = await trx
        .selectFrom('mailing_recipients as r')
        .innerJoin('supporters as s', 's.id', 'r.supporter_id')
        .leftJoin('list_members as lm', (j) =>
          j.onRef('lm.supporter_id', '=', 'r.supporter_id').onRef('lm.locale', '=', 'r.locale'),
        )
        .select(['r.id', 's.email', 's.name', 's.mail_suppressed_at', 'lm.status as member'])
        .where('r.id', 'in', part)
        .execute();
      for (const f of found) {
        people.set(f.id, {
          email: f.email,
          name: f.name,
          suppressed: f.mail_suppressed_at !== null,
          member: f.member,
        });
      }
    }
    const reserved: ReservedRecipient[] = [];
    const suppressed: number[] = [];
    const unsubscribed: number[] = [];
    for (const r of rows.sort((a, b) => a.id - b.id)) {
      const p = people.get(r.id);
      if (!p) continue;
      if (p.suppressed) suppressed.push(r.id);
      else if (p.member !== 'subscribed') unsubscribed.push(r.id);
      else
        reserved.push({
          id: r.id,
          mailingId: r.mailing_id,
          supporterId: r.supporter_id,
          locale: r.locale,
          email: p.email,
          name: p.name,
          attempts: r.attempts,
        });
    }
    for (const [ids, reason] of [
      [suppressed, skippedSuppressed],
      [unsubscribed, skippedUnsubscribed],
    ] as const) {
      for (const part of chunks(ids)) {
        await trx
          .updateTable('mailing_recipients')
          .set({ status: 'failed', last_error: reason, locked_by: null, locked_until: null })
          .where('id', 'in', part)
          .execute();
      }
    }
    return { reserved, skipped: suppressed.length + unsubscribed.length };
  }

  async release(ids: number[], workerId: string): Promise<void> {
    for (const part of chunks(ids)) {
      await this.db
        .updateTable('mailing_recipients')
        .set({ locked_by: null, locked_until: null })
        .where('id', 'in', part)
        .where(statusOfRow, '=', 'queued')
        .where('locked_by', '=', workerId)
        .execute();
    }
  }

  async renewLeases(ids: number[], workerId: string, until: number): Promise<void> {
    for (const part of chunks(ids)) {
      await this.db
        .updateTable('mailing_recipients')
        .set({ locked_until: until })
        .where('id', 'in', part)
        .where('locked_by', '=', workerId)
        .where(statusOfRow, 'in', ['queued', 'sending'])
        .execute();
    }
  }

  async recoverAbandoned(now: number): Promise<number[]> {
    // Only mailings that can have rows in flight, so the (mailing_id, status, id) index finds them.
    const rows = await this.db
      .updateTable('mailing_recipients')
      .set({ status: 'failed', locked_by: null, locked_until: null, last_error: interruptedReason })
      .where('mailing_id', 'in', (eb) =>
        eb.selectFrom('mailings').select('mailings.id').where('mailings.status', 'in', ['sending', 'paused']),
      )
      .where('status', '=', 'sending')
      .where('locked_until', '<', now)
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  }

  /** The one finish rule, shared with the editor's store (db/mailing.repository.ts). */
  finishDrained(mailingId: number, now: number): Promise<boolean> {
    return finishMailingIfDrained(this.db, mailingId, now);
  }
}
