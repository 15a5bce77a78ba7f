// Storage of volunteer translations: the board's campaigns with every language version, one campaign in
// one language beside its source text, and the audited write (translation-writes.ts: under the campaign
// row's lock, only while the form's token, translation revision and source revision, still matches), so a
// colleague's save or a changed source is never overwritten silently. After a commit that touches what the
// public may see (a publish, or a change to or from published) `onPublicChange` drops the campaign from the
// cache.
import type { Kysely } from 'kysely';
import type { CampaignStatus, TranslationStatus } from '../domain/campaign/campaign.js';
import {
  type TranslatableTexts,
  type TranslationWork,
  translatableFields,
} from '../domain/translation/translation.js';
import type {
  BoardCampaign,
  TranslationChange,
  TranslationStore,
} from '../domain/translation/translation.ports.js';
import {
  campaignsWithSourceText,
  onSourceText,
  saveCampaignText,
  translatableColumns,
} from './campaign-source-text.js';
import type { Db } from './database.js';
import { KyselyStore, num } from './kysely-store.js';
import type { Database } from './schema.js';
import { claimsOn } from './translation-claim.store.js';
import { boardTranslation, writeTranslation } from './translation-writes.js';

type Executor = Kysely<Database>;
const boardStatuses: CampaignStatus[] = ['draft', 'in_review', 'live'];

function snapshotOf(text: string | null): TranslatableTexts | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<TranslatableTexts>;
    const out = {} as TranslatableTexts;
    for (const k of translatableFields) out[k] = typeof value[k] === 'string' ? value[k] : '';
    return out;
  } catch {
    return null;
  }
}

async function loadWork(db: Executor, slug: string, locale: string): Promise<TranslationWork | undefined> {
  const campaign = await db
    .selectFrom('campaigns as c')
    .innerJoin('campaign_translations as t', onSourceText)
    .select(['c.id', 'c.slug', 'c.status', 'c.source_locale', ...translatableColumns, 't.revision'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
  if (!campaign) return undefined;
  const row = await db
    .selectFrom('campaign_translations as t')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .selectAll('t')
    .select('u.email as updated_by_email')
    .where('t.campaign_id', '=', campaign.id)
    .where('t.locale', '=', locale)
    .executeTakeFirst();
  return {
    campaignId: num(campaign.id),
    slug: campaign.slug,
    campaignStatus: campaign.status as CampaignStatus,
    sourceLocale: campaign.source_locale,
    source: {
      headline: campaign.headline,
      backgroundMd: campaign.background_md,
      defaultMessage: campaign.default_message,
      targetSubject: campaign.target_subject,
      targetSalutation: campaign.target_salutation,
      revision: num(campaign.revision),
    },
    locale,
    translation: row
      ? {
          headline: row.headline,
          backgroundMd: row.background_md,
          defaultMessage: row.default_message,
          targetSubject: row.target_subject,
          targetSalutation: row.target_salutation,
          status: row.status as TranslationStatus,
          revision: num(row.revision),
          sourceRevision: num(row.source_revision),
          sourceSnapshot: snapshotOf(row.source_snapshot),
          reviewNote: row.review_note,
          updatedAt: num(row.updated_at),
          updatedBy: row.updated_by_email ?? null,
        }
      : null,
  };
}

export class TranslationRepository extends KyselyStore implements TranslationStore {
  constructor(
    db: Db,
    private readonly onPublicChange: (slug: string) => void = () => {},
  ) {
    super(db);
  }

  async board(): Promise<BoardCampaign[]> {
    const campaigns = await campaignsWithSourceText(this.db)
      .select(['c.id', 'c.slug', 'c.status', 'c.source_locale', 'c.starts_at', 't.headline', 't.revision'])
      .where('c.status', 'in', boardStatuses)
      .orderBy('c.id', 'desc')
      .execute();
    if (campaigns.length === 0) return [];
    const ids = campaigns.map((c) => num(c.id));
    const rows = await this.db
      .selectFrom('campaign_translations as t')
      .leftJoin('users as u', 'u.id', 't.updated_by')
      .select(['t.campaign_id', 't.locale', 't.status', 't.source_revision', 't.updated_at', 'u.email'])
      .where('t.campaign_id', 'in', ids)
      .execute();
    const claims = await claimsOn(this.db, ids);
    return campaigns.map((c) => ({
      id: num(c.id),
      slug: c.slug,
      status: c.status as CampaignStatus,
      sourceLocale: c.source_locale,
      headline: c.headline,
      sourceRevision: num(c.revision ?? 1),
      startsAt: c.starts_at === null ? null : num(c.starts_at),
      translations: rows
        .filter((r) => num(r.campaign_id) === num(c.id) && r.locale !== c.source_locale)
        .map(boardTranslation),
      claims: claims.filter((k) => k.campaignId === num(c.id)).map(({ campaignId: _, ...claim }) => claim),
    }));
  }

  work(slug: string, locale: string): Promise<TranslationWork | undefined> {
    return loadWork(this.db, slug, locale);
  }

  async write(change: TranslationChange): Promise<'saved' | 'stale'> {
    const a = change.after;
    const outcome = await writeTranslation(this.db, change, {
      // Lock the campaign row: a second write of this campaign (or a source save) waits here, then reads
      // what the first committed and finds the token stale.
      lock: async (trx) =>
        Number(
          (
            await trx
              .updateTable('campaigns')
              .set({ updated_at: change.now })
              .where('id', '=', change.campaignId)
              .executeTakeFirst()
          ).numUpdatedRows,
        ) === 1,
      load: async (trx) => {
        const current = await loadWork(trx, change.slug, change.locale);
        return current?.campaignId === change.campaignId ? current : undefined;
      },
      store: async (trx, current, revision) => {
        const values = {
          headline: a.headline,
          background_md: a.backgroundMd,
          default_message: a.defaultMessage,
          target_subject: a.targetSubject,
          target_salutation: a.targetSalutation,
          status: a.status,
          source_revision: a.sourceRevision,
          source_snapshot: a.sourceSnapshot ? JSON.stringify(a.sourceSnapshot) : null,
          review_note: a.reviewNote,
          updated_by: change.actor.id,
          updated_at: change.now,
          revision,
        };
        const from = current.translation ? change.locale : null;
        await saveCampaignText(
          trx,
          { campaignId: change.campaignId, from, locale: change.locale, now: change.now },
          values,
        );
        // The holder's save ends their claim (decision 0042); a colleague's save leaves it.
        await trx
          .deleteFrom('translation_claims')
          .where('campaign_id', '=', change.campaignId)
          .where('locale', '=', change.locale)
          .where('user_id', '=', change.actor.id)
          .execute();
      },
      entity: { type: 'campaign', id: change.campaignId },
    });
    if (outcome === 'stale') return 'stale';
    if (outcome.before.translation?.status === 'published' || a.status === 'published') {
      this.onPublicChange(change.slug);
    }
    return 'saved';
  }
}
