// A mailing with its send queue already made, written straight into the tables (the composer and the
// queue builder are another feature's): subscribers on language lists, a mailing in `sending` with its
// published translations, and one `mailing_recipients` row per subscriber. Used by the sender's store,
// loop and kill tests and by the mailing benchmark (in pages, so a million rows fit in memory).
import type { Kysely } from 'kysely';
import type { Database } from '../src/db/schema.js';
import { blindIndex, domainIndex } from './blind-index.js';

export interface Subscriber {
  email: string;
  name?: string;
  /** Their list, and the language of their mailing. */
  locale: string;
  /** Still on the list (default true); false: they left it after the queue was made. */
  subscribed?: boolean;
  suppressed?: boolean;
}

export interface QueuedMailing {
  mailingId: number;
  /** Queue row ids, in the order of `subscribers` (left empty with `keepIds: false`). */
  recipientIds: number[];
  supporterIds: number[];
}

export interface MailingTextsInput {
  subject: string;
  preheader?: string;
  bodyMd: string;
}

const defaultTexts: MailingTextsInput = {
  subject: 'Erlan is free',
  preheader: 'Thank you, all 7,000 of you',
  bodyMd: 'Erlan walked out of prison **today**. Thank you for writing.',
};

export async function queueMailing(
  db: Kysely<Database>,
  opts: {
    /** The people, or how many and how to make the i-th (a million fit without an array of them). */
    subscribers: Subscriber[] | { count: number; make(i: number): Subscriber };
    now: number;
    status?: 'sending' | 'paused' | 'draft';
    ratePerSecond?: number | null;
    sourceLocale?: string;
    source?: MailingTextsInput;
    /** Published language versions by locale. */
    translations?: Record<string, MailingTextsInput>;
    /** Rows written per statement. */
    page?: number;
    /** Collect the ids made (default true). */
    keepIds?: boolean;
  },
): Promise<QueuedMailing> {
  const { now } = opts;
  const page = opts.page ?? 200;
  const source = opts.source ?? defaultTexts;
  const sourceLocale = opts.sourceLocale ?? 'en';
  return db.transaction().execute(async (trx) => {
    const { id: mailingId } = await trx
      .insertInto('mailings')
      .values({
        kind: 'victory',
        campaign_id: null,
        source_locale: sourceLocale,
        subject: source.subject,
        preheader: source.preheader ?? '',
        body_md: source.bodyMd,
        segment: JSON.stringify({ locales: [sourceLocale] }),
        status: opts.status ?? 'sending',
        rate_per_second: opts.ratePerSecond ?? null,
        started_at: now,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [locale, t] of Object.entries(opts.translations ?? {})) {
      await trx
        .insertInto('mailing_translations')
        .values({
          mailing_id: mailingId,
          locale,
          subject: t.subject,
          preheader: t.preheader ?? '',
          body_md: t.bodyMd,
          status: 'published',
          source_revision: 1,
          updated_at: now,
        })
        .execute();
    }
    const recipientIds: number[] = [];
    const supporterIds: number[] = [];
    const all = opts.subscribers;
    const count = Array.isArray(all) ? all.length : all.count;
    const at = (i: number) => (Array.isArray(all) ? all[i]! : all.make(i));
    for (let i = 0; i < count; i += page) {
      const part = Array.from({ length: Math.min(page, count - i) }, (_, j) => at(i + j));
      const supporters = await trx
        .insertInto('supporters')
        .values(
          part.map((s) => ({
            email: s.email,
            email_index: blindIndex(s.email.toLowerCase()),
            email_domain_index: domainIndex(s.email.toLowerCase()),
            name: s.name ?? '',
            locale: s.locale,
            status: 'active',
            ...(s.suppressed
              ? { mail_suppressed_at: now, mail_suppressed_reason: 'hard_bounce' as const }
              : {}),
            created_at: now,
            updated_at: now,
          })),
        )
        .returning('id')
        .execute();
      const ids = supporters.map((s) => s.id).sort((a, b) => a - b);
      await trx
        .insertInto('list_members')
        .values(
          part.map((s, j) => ({
            supporter_id: ids[j]!,
            locale: s.locale,
            status: s.subscribed === false ? ('unsubscribed' as const) : ('subscribed' as const),
            source: 'signup' as const,
            created_at: now,
            subscribed_at: now,
            unsubscribed_at: s.subscribed === false ? now : null,
          })),
        )
        .execute();
      const rows = await trx
        .insertInto('mailing_recipients')
        .values(
          part.map((s, j) => ({
            mailing_id: mailingId,
            supporter_id: ids[j]!,
            locale: s.locale,
            status: 'queued' as const,
          })),
        )
        .returning('id')
        .execute();
      if (opts.keepIds !== false) {
        supporterIds.push(...ids);
        recipientIds.push(...rows.map((r) => r.id).sort((a, b) => a - b));
      }
    }
    return { mailingId, recipientIds, supporterIds };
  });
}

/** Rows of a mailing by status. */
export async function recipientStatuses(
  db: Kysely<Database>,
  mailingId: number,
): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('mailing_recipients')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('mailing_id', '=', mailingId)
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
