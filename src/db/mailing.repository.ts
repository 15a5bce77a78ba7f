// The editor's store of mailings (domain/mailing/mailing.ports.ts): drafts and their saves, the conditional
// moves of the state machine, the start of a send (status and recipient queue in one transaction), the
// progress and per-language report, the test mail's job, and the finish rule the sender shares
// (finishMailingIfDrained). Every change is audited in its own transaction.
import { type Kysely, sql } from 'kysely';
import type { ActorRef } from '../domain/account/account.js';
import {
  isEditable,
  type Mailing,
  type MailingDraft,
  type MailingProgress,
  type MailingReportLine,
  type MailingStatus,
  type MailingSummary,
  type MailingTranslationState,
  mailingSourceTag,
} from '../domain/mailing/mailing.js';
import {
  type MailingMove,
  type MailingStore,
  type MailingTestPayload,
  type MailingVersion,
  type MailingVersionReader,
  type PausedDomain,
  type SaveOutcome,
  type SegmentOptions,
  sendMailingTestJob,
} from '../domain/mailing/mailing.ports.js';
import { textsChanged } from '../domain/mailing/save-mailing.js';
import { type Segment, segmentFrom } from '../domain/mailing/segment.js';
import { countedStatus } from '../domain/signature/signature.js';
import type { DataVault } from '../security/data-keys.js';
import { recordAudit } from './audit.repository.js';
import { onSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import { resumeMailDomain } from './delivery-admin.repository.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore, num } from './kysely-store.js';
import type { MailingsTable } from './mailing.table.js';
import { countSegment, materialiseSegment } from './mailing-segment.query.js';
import type { Database } from './schema.js';

const maybe = (v: number | string | null): number | null => (v === null ? null : Number(v));

type MailingRow = Omit<MailingsTable, 'id' | 'preheader' | 'revision'> & {
  id: number;
  preheader: string;
  revision: number;
};

function toMailing(r: MailingRow): Mailing {
  return {
    id: num(r.id),
    kind: r.kind,
    campaignId: maybe(r.campaign_id),
    sourceLocale: r.source_locale,
    subject: r.subject,
    preheader: r.preheader,
    bodyMd: r.body_md,
    segment: segmentFrom(JSON.parse(r.segment)),
    status: r.status,
    revision: num(r.revision),
    scheduledAt: maybe(r.scheduled_at),
    startedAt: maybe(r.started_at),
    finishedAt: maybe(r.finished_at),
    createdAt: num(r.created_at),
    updatedAt: num(r.updated_at),
  };
}

const draftColumns = (d: MailingDraft) => ({
  kind: d.kind,
  campaign_id: d.campaignId,
  source_locale: d.sourceLocale,
  subject: d.subject,
  preheader: d.preheader,
  body_md: d.bodyMd,
  segment: JSON.stringify(d.segment),
});

const emptyProgress = (): MailingProgress => ({ total: 0, queued: 0, sent: 0, failed: 0, bounced: 0 });

/**
 * The sender's finish rule: a mailing that is sending and has no recipient left to send (none queued, none
 * being sent) is sent. Returns whether it moved. Run it after each batch; running it twice is harmless.
 */
export async function finishMailingIfDrained(
  db: Kysely<Database>,
  mailingId: number,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('mailings')
    .set({ status: 'sent', finished_at: now, updated_at: now })
    .where('id', '=', mailingId)
    .where('status', '=', 'sending')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mailing_recipients as r')
            .select('r.id')
            .where('r.mailing_id', '=', mailingId)
            .where('r.status', 'in', ['queued', 'sending']),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

async function progressOf(db: Kysely<Database>, ids: number[]): Promise<Map<number, MailingProgress>> {
  const out = new Map<number, MailingProgress>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('mailing_recipients')
    .select(['mailing_id', 'status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('mailing_id', 'in', ids)
    .groupBy(['mailing_id', 'status'])
    .execute();
  for (const r of rows) {
    const id = num(r.mailing_id);
    const p = out.get(id) ?? emptyProgress();
    const n = num(r.n);
    p.total += n;
    if (r.status === 'sent') p.sent += n;
    else if (r.status === 'failed') p.failed += n;
    else if (r.status === 'bounced') p.bounced += n;
    else p.queued += n;
    out.set(id, p);
  }
  return out;
}

export class MailingRepository extends KyselyStore implements MailingStore, MailingVersionReader {
  /** Addresses are sealed: a domain is found through its blind index (decision 0023). */
  private readonly vault: Pick<DataVault, 'domainIndexes'>;
  constructor(db: Db) {
    super(db);
    this.vault = db.vault;
  }

  async list(limit = 200): Promise<MailingSummary[]> {
    const rows = await this.db
      .selectFrom('mailings as m')
      .leftJoin('campaigns as c', 'c.id', 'm.campaign_id')
      .leftJoin('campaign_translations as t', onSourceText)
      .select([
        'm.id',
        'm.kind',
        'm.status',
        'm.subject',
        'm.campaign_id',
        'm.created_at',
        'm.scheduled_at',
        't.headline',
      ])
      .orderBy('m.id', 'desc')
      .limit(limit)
      .execute();
    const progress = await progressOf(
      this.db,
      rows.map((r) => num(r.id)),
    );
    return rows.map((r) => ({
      id: num(r.id),
      kind: r.kind,
      status: r.status,
      subject: r.subject,
      campaignId: maybe(r.campaign_id),
      campaignHeadline: r.headline ?? null,
      createdAt: num(r.created_at),
      scheduledAt: maybe(r.scheduled_at),
      progress: progress.get(num(r.id)) ?? emptyProgress(),
    }));
  }

  async find(id: number): Promise<Mailing | undefined> {
    const row = await this.db.selectFrom('mailings').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toMailing(row) : undefined;
  }

  async create(draft: MailingDraft, actor: ActorRef, now: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('mailings')
        .values({
          ...draftColumns(draft),
          status: 'draft',
          revision: 1,
          created_by: actor.id,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor,
        action: 'mailing.created',
        entityType: 'mailing',
        entityId: num(id),
        after: { kind: draft.kind, campaignId: draft.campaignId, segment: draft.segment },
        now,
      });
      return num(id);
    });
  }

  async update(id: number, draft: MailingDraft, actor: ActorRef, now: number): Promise<SaveOutcome> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('mailings').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) return 'unknown';
      const before = toMailing(row);
      if (!isEditable(before.status)) return 'locked';
      const revision = textsChanged(before, draft) ? before.revision + 1 : before.revision;
      const result = await trx
        .updateTable('mailings')
        .set({ ...draftColumns(draft), revision, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', ['draft', 'scheduled'])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return 'locked';
      await recordAudit(trx, {
        actor,
        action: 'mailing.saved',
        entityType: 'mailing',
        entityId: id,
        before: { revision: before.revision },
        after: { revision, kind: draft.kind, campaignId: draft.campaignId, segment: draft.segment },
        now,
      });
      return 'saved';
    });
  }

  countSegment(segment: Segment, now: number): Promise<number> {
    return countSegment(this.db, segment, now);
  }

  async move(id: number, move: MailingMove, actor: ActorRef | null, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('mailings')
        .set({
          status: move.to,
          updated_at: now,
          ...(move.scheduledAt !== undefined ? { scheduled_at: move.scheduledAt } : {}),
          ...(move.to === 'cancelled' ? { finished_at: now } : {}),
        })
        .where('id', '=', id)
        .where('status', 'in', [...move.from])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await recordAudit(trx, {
        actor,
        action: `mailing.${move.to}`,
        entityType: 'mailing',
        entityId: id,
        after: move.scheduledAt !== undefined ? { scheduledAt: move.scheduledAt } : null,
        now,
      });
      return true;
    });
  }

  async start(
    id: number,
    from: readonly MailingStatus[],
    actor: ActorRef | null,
    now: number,
  ): Promise<number | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('mailings').select('segment').where('id', '=', id).executeTakeFirst();
      if (!row) return undefined;
      const moved = await trx
        .updateTable('mailings')
        .set({ status: 'sending', started_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst();
      if (Number(moved.numUpdatedRows) === 0) return undefined;
      const recipients = await materialiseSegment(trx, id, segmentFrom(JSON.parse(row.segment)), now);
      await recordAudit(trx, {
        actor,
        action: 'mailing.sending',
        entityType: 'mailing',
        entityId: id,
        after: { recipients },
        now,
      });
      // A scheduled mailing whose segment emptied in the meantime has nothing to send: it is done.
      if (recipients === 0) await finishMailingIfDrained(trx, id, now);
      return recipients;
    });
  }

  finishMailingIfDrained(mailingId: number, now: number): Promise<boolean> {
    return finishMailingIfDrained(this.db, mailingId, now);
  }

  async dueScheduled(now: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('mailings')
      .select('id')
      .where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', now)
      .orderBy('scheduled_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => num(r.id));
  }

  async progress(id: number): Promise<MailingProgress> {
    return (await progressOf(this.db, [id])).get(id) ?? emptyProgress();
  }

  async report(id: number): Promise<MailingReportLine[]> {
    const rows = await this.db
      .selectFrom('mailing_recipients')
      .select((eb) => [
        'locale',
        eb.fn.countAll<number | string>().as('recipients'),
        sql<number | string>`sum(case when status = 'sent' then 1 else 0 end)`.as('sent'),
        sql<number | string>`sum(case when status = 'failed' then 1 else 0 end)`.as('failed'),
        sql<number | string>`sum(case when status = 'bounced' then 1 else 0 end)`.as('bounced'),
        eb.fn.count<number | string>('complained_at').as('complaints'),
        eb.fn.count<number | string>('unsubscribed_at').as('unsubscribed'),
      ])
      .where('mailing_id', '=', id)
      .groupBy('locale')
      .execute();
    const prefix = mailingSourceTag(id, '');
    // Signatures by source tag, from the aggregated counts (the signatures table has no index on source).
    const brought = await this.db
      .selectFrom('counts')
      .select(['source', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('source', 'like', `${prefix}%`)
      .where('status', '=', countedStatus)
      .groupBy('source')
      .execute();
    const signatures = new Map(brought.map((b) => [b.source.slice(prefix.length), num(b.n)]));
    const lines = new Map<string, MailingReportLine>(
      rows.map((r) => [
        r.locale,
        {
          locale: r.locale,
          recipients: num(r.recipients),
          sent: num(r.sent),
          failed: num(r.failed),
          bounced: num(r.bounced),
          complaints: num(r.complaints),
          unsubscribed: num(r.unsubscribed),
          signatures: signatures.get(r.locale) ?? 0,
        },
      ]),
    );
    // A language with signatures and no recipients (a forwarded mail, a test) still shows.
    for (const [locale, n] of signatures) {
      if (!lines.has(locale) && n > 0) {
        const none = { recipients: 0, sent: 0, failed: 0, bounced: 0, complaints: 0, unsubscribed: 0 };
        lines.set(locale, { locale, ...none, signatures: n });
      }
    }
    return [...lines.values()].sort(
      (a, b) => b.recipients - a.recipients || a.locale.localeCompare(b.locale),
    );
  }

  async translations(id: number): Promise<MailingTranslationState[]> {
    const rows = await this.db
      .selectFrom('mailing_translations')
      .select(['locale', 'status', 'source_revision'])
      .where('mailing_id', '=', id)
      .orderBy('locale')
      .execute();
    return rows.map((r) => ({ locale: r.locale, status: r.status, sourceRevision: num(r.source_revision) }));
  }

  async segmentOptions(): Promise<SegmentOptions> {
    const lists = await this.db
      .selectFrom('list_members')
      .select(['locale', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', '=', 'subscribed')
      .groupBy('locale')
      .orderBy('locale')
      .execute();
    const partners = await this.db
      .selectFrom('partners')
      .select((eb) => [eb.fn.min<number>('id').as('id'), eb.fn.min<string>('name').as('name')])
      .groupBy(sql`lower(name)`)
      .execute();
    return {
      lists: lists.map((l) => ({ locale: l.locale, subscribed: num(l.n) })),
      partners: partners
        .map((p) => ({ id: num(p.id), name: p.name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  async queueTest(payload: MailingTestPayload, actor: ActorRef, now: number): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await enqueueJobs(trx, [{ kind: sendMailingTestJob, payload }], now);
      await recordAudit(trx, {
        actor,
        action: 'mailing.tested',
        entityType: 'mailing',
        entityId: payload.mailingId,
        after: { locale: payload.locale },
        now,
      });
    });
  }
  async pausedDomains(id: number): Promise<PausedDomain[]> {
    const paused = await this.db
      .selectFrom('mail_domains')
      .select(['domain', 'paused_at', 'paused_reason'])
      .where('paused_at', 'is not', null)
      .orderBy('paused_at')
      .execute();
    const out: PausedDomain[] = [];
    // Few domains are ever paused at once: one count each over this mailing's queued rows.
    for (const d of paused) {
      const row = await this.db
        .selectFrom('mailing_recipients as r')
        .innerJoin('supporters as s', 's.id', 'r.supporter_id')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('r.mailing_id', '=', id)
        .where('r.status', '=', 'queued')
        .where('s.email_domain_index', 'in', this.vault.domainIndexes(`@${d.domain}`))
        .executeTakeFirstOrThrow();
      const waiting = Number(row.n);
      if (waiting > 0) {
        out.push({ domain: d.domain, pausedAt: d.paused_at ?? 0, reason: d.paused_reason ?? '', waiting });
      }
    }
    return out;
  }

  resumeDomain(domain: string, actor: ActorRef, now: number): Promise<boolean> {
    return resumeMailDomain(this.db, domain, actor, now);
  }

  async version(mailingId: number, locale: string): Promise<MailingVersion | undefined> {
    const mailing = await this.find(mailingId);
    if (!mailing) return undefined;
    const base = { mailingId, kind: mailing.kind, campaignId: mailing.campaignId };
    if (locale !== mailing.sourceLocale) {
      const t = await this.db
        .selectFrom('mailing_translations')
        .select(['subject', 'preheader', 'body_md'])
        .where('mailing_id', '=', mailingId)
        .where('locale', '=', locale)
        .where('status', '=', 'published')
        .executeTakeFirst();
      if (t)
        return {
          ...base,
          locale,
          subject: t.subject,
          preheader: t.preheader,
          bodyMd: t.body_md,
          isFallback: false,
        };
    }
    return {
      ...base,
      locale: mailing.sourceLocale,
      subject: mailing.subject,
      preheader: mailing.preheader,
      bodyMd: mailing.bodyMd,
      isFallback: locale !== mailing.sourceLocale,
    };
  }
}
