// Storage of mailings' language versions: the board's mailings with their versions, one mailing in one
// language beside its source, the audited write (translation-writes.ts: refused unless the form's token
// still matches what is stored, under the mailing row's lock), and the read the sender uses: every
// published version plus the source.
import { type Kysely, sql } from 'kysely';
import type { TranslationStatus } from '../domain/campaign/campaign.js';
import type { MailingContent } from '../domain/mailing/mailing-queue.ports.js';
import type {
  MailingField,
  MailingStatus,
  MailingTexts,
  MailingTranslationWork,
} from '../domain/mailing-translation/mailing-translation.js';
import type {
  BoardMailing,
  MailingTranslationStore,
  MailingVersionReader,
} from '../domain/mailing-translation/mailing-translation.ports.js';
import type { StepWrite } from '../domain/translation/translation-steps.js';
import { KyselyStore, num } from './kysely-store.js';
import type { Database } from './schema.js';
import { boardTranslation, writeTranslation } from './translation-writes.js';

type Executor = Kysely<Database>;

async function loadWork(
  db: Executor,
  mailingId: number,
  locale: string,
): Promise<MailingTranslationWork | undefined> {
  const m = await db
    .selectFrom('mailings')
    .select(['id', 'status', 'source_locale', 'subject', 'preheader', 'body_md', 'revision'])
    .where('id', '=', mailingId)
    .executeTakeFirst();
  if (!m) return undefined;
  const row = await db
    .selectFrom('mailing_translations as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select('u.email as updated_by_email')
    .where('t.mailing_id', '=', mailingId)
    .where('t.locale', '=', locale)
    .executeTakeFirst();
  return {
    mailingId: num(m.id),
    mailingStatus: m.status as MailingStatus,
    sourceLocale: m.source_locale,
    source: { subject: m.subject, preheader: m.preheader, bodyMd: m.body_md, revision: num(m.revision) },
    locale,
    translation: row
      ? {
          subject: row.subject,
          preheader: row.preheader,
          bodyMd: row.body_md,
          status: row.status as TranslationStatus,
          revision: num(row.revision),
          sourceRevision: num(row.source_revision),
          reviewNote: row.review_note,
          updatedAt: num(row.updated_at),
          updatedBy: row.updated_by_email ?? null,
        }
      : null,
  };
}

export class MailingTranslationRepository
  extends KyselyStore
  implements MailingTranslationStore, MailingVersionReader
{
  async board(sentSince: number): Promise<BoardMailing[]> {
    const mailings = await this.db
      .selectFrom('mailings')
      .select(['id', 'subject', 'status', 'source_locale', 'revision'])
      .where('status', '!=', 'cancelled')
      .where((eb) =>
        eb.or([eb('status', '!=', 'sent'), eb(eb.fn.coalesce('finished_at', 'updated_at'), '>=', sentSince)]),
      )
      .orderBy('id', 'desc')
      .execute();
    if (mailings.length === 0) return [];
    const ids = mailings.map((m) => m.id);
    const rows = await this.db
      .selectFrom('mailing_translations as t')
      .leftJoin('users as u', 'u.id', 't.updated_by')
      .select(['t.mailing_id', 't.locale', 't.status', 't.source_revision', 't.updated_at', 'u.email'])
      .where('t.mailing_id', 'in', ids)
      .execute();
    return mailings.map((m) => ({
      id: num(m.id),
      subject: m.subject,
      status: m.status as MailingStatus,
      sourceLocale: m.source_locale,
      sourceRevision: num(m.revision),
      translations: rows
        .filter((r) => num(r.mailing_id) === num(m.id) && r.locale !== m.source_locale)
        .map(boardTranslation),
    }));
  }

  async listLanguages(): Promise<string[]> {
    const lists = await this.db.selectFrom('list_members').select('locale').distinct().execute();
    const translators = await this.db
      .selectFrom('translator_languages')
      .select('locale')
      .distinct()
      .execute();
    // Sorted here, not by the database: PostgreSQL's collation would order tags differently from SQLite.
    return [...new Set([...lists, ...translators].map((r) => r.locale))].sort();
  }

  work(mailingId: number, locale: string): Promise<MailingTranslationWork | undefined> {
    return loadWork(this.db, mailingId, locale);
  }

  async write(
    at: { mailingId: number; locale: string },
    change: StepWrite<MailingField>,
  ): Promise<'saved' | 'stale'> {
    const outcome = await writeTranslation(this.db, change, {
      // An update that changes nothing takes the mailing row's lock.
      lock: async (trx) =>
        Number(
          (
            await trx
              .updateTable('mailings')
              .set({ revision: sql<number>`revision` })
              .where('id', '=', at.mailingId)
              .executeTakeFirst()
          ).numUpdatedRows,
        ) === 1,
      load: (trx) => loadWork(trx, at.mailingId, at.locale),
      store: async (trx, current, revision) => {
        const values = {
          subject: change.texts.subject,
          preheader: change.texts.preheader,
          body_md: change.texts.bodyMd,
          status: change.status,
          source_revision: change.sourceRevision,
          review_note: change.reviewNote,
          updated_by: change.actor.id,
          updated_at: change.now,
          revision,
        };
        if (current.translation) {
          await trx
            .updateTable('mailing_translations')
            .set(values)
            .where('mailing_id', '=', at.mailingId)
            .where('locale', '=', at.locale)
            .execute();
        } else {
          await trx
            .insertInto('mailing_translations')
            .values({ ...values, mailing_id: at.mailingId, locale: at.locale })
            .execute();
        }
      },
      entity: { type: 'mailing', id: at.mailingId },
    });
    return outcome === 'stale' ? 'stale' : 'saved';
  }

  async mailingVersions(mailingId: number): Promise<Map<string, MailingTexts>> {
    const versions = new Map<string, MailingTexts>();
    const m = await publishedMailing(this.db, mailingId);
    if (!m) return versions;
    for (const [locale, texts] of m.translations) if (locale !== m.sourceLocale) versions.set(locale, texts);
    versions.set(m.sourceLocale, m.source);
    return versions;
  }
}

const textsOf = (r: { subject: string; preheader: string; body_md: string }): MailingTexts => ({
  subject: r.subject,
  preheader: r.preheader,
  bodyMd: r.body_md,
});

/**
 * A mailing's source texts and its published language versions by language, or undefined when there is no
 * such mailing: what the sender compiles (mailing-queue.store.ts) and what the board reads as sent.
 */
export async function publishedMailing(
  db: Executor,
  mailingId: number,
): Promise<Omit<MailingContent, 'recipientLocales'> | undefined> {
  const m = await db
    .selectFrom('mailings')
    .select(['id', 'campaign_id', 'source_locale', 'subject', 'preheader', 'body_md'])
    .where('id', '=', mailingId)
    .executeTakeFirst();
  if (!m) return undefined;
  const rows = await db
    .selectFrom('mailing_translations')
    .select(['locale', 'subject', 'preheader', 'body_md'])
    .where('mailing_id', '=', mailingId)
    .where('status', '=', 'published')
    .execute();
  const translations = new Map(rows.map((r) => [r.locale, textsOf(r)]));
  return {
    id: m.id,
    campaignId: m.campaign_id,
    sourceLocale: m.source_locale,
    source: textsOf(m),
    translations,
  };
}
