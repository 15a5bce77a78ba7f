// Campaigns with their texts, partners and targets; maps rows to the domain's Campaign explicitly.
import type { Selectable } from 'kysely';
import type {
  CampaignStatus,
  CampaignSuccessor,
  CampaignTexts,
  CampaignWithContent,
  ConfirmationMode,
  DeliveryMode,
  Partner,
  Target,
  TargetKind,
  TranslationStatus,
} from '../domain/campaign/campaign.js';
import type {
  CampaignReader,
  CampaignWriter,
  NewCampaign,
  SigningCountries,
} from '../domain/campaign/campaign.ports.js';
import { countriesColumn, countriesFromColumn } from '../domain/campaign/target-fields.js';
import type { PetitionNames } from '../domain/petition/petition.js';
import type { CampaignsTable, CampaignTranslationsTable } from './campaign.table.js';
import { insertRows, KyselyStore } from './kysely-store.js';
import { inPageOrder } from './roster-writes.js';
import type { DbHandle } from './schema.js';
import { repeatStatus } from './signature-effects.js';

/** What the public number counts: confirmed signatures, and repeats in immediate mode (decision 0015). */
const countedStatuses = ['confirmed', repeatStatus];
/** How many of the latest signatures the page's "latest from" countries are drawn from. */
const latestSignatures = 200;

function toTexts(row: Selectable<CampaignTranslationsTable>): CampaignTexts {
  return {
    locale: row.locale,
    status: row.status as TranslationStatus,
    headline: row.headline,
    backgroundMd: row.background_md,
    defaultMessage: row.default_message,
    targetSubject: row.target_subject,
    targetSalutation: row.target_salutation,
    photoAlt: row.photo_alt,
    outcomeMd: row.outcome_md,
  };
}

/** A new campaign's partners, in the order given; a draft's also have a description (else not written). */
export function insertPartners(
  trx: DbHandle,
  campaignId: number,
  partners: readonly (Partner & { description?: string | null })[],
): Promise<void> {
  return insertRows(
    trx,
    'partners',
    partners.map((p, position) => ({
      campaign_id: campaignId,
      name: p.name,
      url: p.url,
      logo_path: p.logoPath,
      description: p.description,
      position,
    })),
  );
}

/**
 * A new campaign's targets, in the order given; a draft's have only a kind, a name and an address (the
 * other columns are not written).
 */
export function insertTargets(
  trx: DbHandle,
  campaignId: number,
  targets: readonly (Pick<Target, 'kind' | 'name' | 'email'> & Partial<Omit<Target, 'id'>>)[],
  now: number,
): Promise<void> {
  const perCountry = targets.some((t) => (t.countries ?? []).length > 0);
  const rows = targets.map((t, position) => ({
    campaign_id: campaignId,
    kind: t.kind,
    name: t.name,
    organisation: t.organisation,
    email: t.email,
    locale: t.locale,
    // Only named when a target has countries: a campaign without embassies writes what it did
    // before 0018 (the migration tests build campaigns on older schemas).
    ...(perCountry ? { countries: countriesColumn(t.countries ?? []) } : {}),
    position,
    created_at: now,
  }));
  return insertRows(trx, 'targets', rows);
}

export class CampaignRepository extends KyselyStore implements CampaignReader, CampaignWriter {
  async findBySlug(slug: string): Promise<CampaignWithContent | undefined> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) return undefined;
    const [withContent] = await this.withContent([row]);
    return withContent;
  }

  async listByStatus(statuses: CampaignStatus[]): Promise<CampaignWithContent[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db.selectFrom('campaigns').selectAll().where('status', 'in', statuses).execute();
    return this.withContent(rows);
  }

  async supporterTotals(campaignIds: number[]): Promise<Map<number, number>> {
    const totals = new Map<number, number>();
    if (campaignIds.length === 0) return totals;
    const rows = await this.db
      .selectFrom('counts')
      .select(['campaign_id', (eb) => eb.fn.sum<number | string>('n').as('total')])
      .where('campaign_id', 'in', campaignIds)
      .where('status', 'in', countedStatuses)
      .groupBy('campaign_id')
      .execute();
    for (const r of rows) totals.set(r.campaign_id, Number(r.total));
    return totals;
  }

  async signingCountries(campaignId: number): Promise<SigningCountries> {
    const rows = await this.db
      .selectFrom('counts')
      .select(['country', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', '=', campaignId)
      .where('status', 'in', countedStatuses)
      .where('country', '!=', '')
      .groupBy('country')
      .execute();
    const counts = new Map<string, number>();
    for (const r of rows) if (Number(r.n) > 0) counts.set(r.country, Number(r.n));
    // The latest confirmations, newest first (idx_signatures_petition serves this order).
    const latest = await this.db
      .selectFrom('signatures')
      .select('country')
      .where('campaign_id', '=', campaignId)
      .where('status', '=', 'confirmed')
      .orderBy('confirmed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(latestSignatures)
      .execute();
    const newest = [...new Set(latest.flatMap((r) => (r.country ? [r.country] : [])))];
    return { counts, newest };
  }

  async create(input: NewCampaign, now: number): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('campaigns')
        .values({
          slug: input.slug,
          status: input.status,
          source_locale: input.sourceLocale,
          confirmation_mode: input.confirmationMode ?? 'confirm_first',
          delivery_mode: input.deliveryMode ?? 'individual',
          goal: input.goal ?? null,
          more_info_url: input.moreInfoUrl ?? null,
          starts_at: input.startsAt ?? null,
          ends_at: input.endsAt ?? null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await insertRows(
        trx,
        'campaign_translations',
        input.translations.map((t) => ({
          campaign_id: id,
          locale: t.locale,
          status: t.status,
          headline: t.headline,
          background_md: t.backgroundMd,
          default_message: t.defaultMessage,
          target_subject: t.targetSubject,
          target_salutation: t.targetSalutation ?? '',
          photo_alt: t.photoAlt ?? '',
          outcome_md: t.outcomeMd,
          created_at: now,
          updated_at: now,
        })),
      );
      await insertPartners(trx, id, input.partners);
      await insertTargets(trx, id, input.targets, now);
      return id;
    });
  }

  private async withContent(rows: Selectable<CampaignsTable>[]): Promise<CampaignWithContent[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const successorIds = rows.map((r) => r.superseded_by).filter((id): id is number => id !== null);
    const [translations, partners, targets, updates, successors] = await Promise.all([
      this.db.selectFrom('campaign_translations').selectAll().where('campaign_id', 'in', ids).execute(),
      inPageOrder(this.db, 'partners', ids).selectAll().execute(),
      inPageOrder(this.db, 'targets', ids).selectAll().execute(),
      this.db
        .selectFrom('campaign_updates')
        .select(['id', 'campaign_id', 'day', 'locale', 'body_md'])
        .where('campaign_id', 'in', ids)
        .orderBy('day', 'desc')
        .orderBy('id', 'desc')
        .execute(),
      this.successors(successorIds),
    ]);
    return rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      status: r.status as CampaignStatus,
      sourceLocale: r.source_locale,
      confirmationMode: r.confirmation_mode as ConfirmationMode,
      deliveryMode: r.delivery_mode as DeliveryMode,
      goal: r.goal,
      moreInfoUrl: r.more_info_url,
      photoPath: r.photo_path,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      closedAt: r.closed_at,
      petitionNames: r.petition_names as PetitionNames,
      translations: translations.filter((t) => t.campaign_id === r.id).map(toTexts),
      partners: partners
        .filter((p) => p.campaign_id === r.id)
        .map((p) => ({ name: p.name, url: p.url, logoPath: p.logo_path })),
      targets: targets
        .filter((t) => t.campaign_id === r.id)
        .map((t) => ({
          id: t.id,
          kind: t.kind as TargetKind,
          name: t.name,
          organisation: t.organisation,
          email: t.email,
          locale: t.locale,
          countries: countriesFromColumn(t.countries),
        })),
      updates: updates
        .filter((u) => u.campaign_id === r.id)
        .map((u) => ({ id: Number(u.id), day: u.day, locale: u.locale, bodyMd: u.body_md })),
      successor: r.superseded_by === null ? null : (successors.get(Number(r.superseded_by)) ?? null),
    }));
  }

  /** The follow-up campaigns by id, with their published headlines. */
  private async successors(ids: number[]): Promise<Map<number, CampaignSuccessor>> {
    const out = new Map<number, CampaignSuccessor>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .selectFrom('campaigns as c')
      .leftJoin('campaign_translations as t', (join) =>
        join.onRef('t.campaign_id', '=', 'c.id').on('t.status', '=', 'published'),
      )
      .select(['c.id', 'c.slug', 'c.status', 'c.source_locale', 't.locale', 't.headline'])
      .where('c.id', 'in', ids)
      .execute();
    for (const r of rows) {
      const id = Number(r.id);
      let s = out.get(id);
      if (!s) {
        s = {
          slug: r.slug,
          status: r.status as CampaignStatus,
          sourceLocale: r.source_locale,
          headlines: [],
        };
        out.set(id, s);
      }
      if (r.locale !== null && r.headline !== null)
        s.headlines.push({ locale: r.locale, headline: r.headline });
    }
    return out;
  }
}
