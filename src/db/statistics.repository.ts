// The statistics pages' reads (domain/statistics). Languages, countries, sources and statuses are sums over
// the counts table, whose rows the signing write path keeps per (campaign, language, country, source,
// status); time and delivery are sums over the rollups of migration 0025 (signature_hours, message_counts),
// which triggers keep with every write to signatures and messages. Every read is a few hundred rows bounded
// by campaigns, never the signatures themselves. bench/statistics.ts measures them on a million signatures.
import type { Kysely } from 'kysely';
import type {
  CountRow,
  HourCount,
  MessageStatusCount,
  StatisticsCampaign,
  StatisticsReader,
} from '../domain/statistics/statistics.ports.js';
import type { Db } from './database.js';
import { num } from './kysely-store.js';
import type { Database } from './schema.js';

const hourMs = 3_600_000;

export class StatisticsRepository implements StatisticsReader {
  private readonly db: Kysely<Database>;
  constructor(db: Db) {
    this.db = db.kysely;
  }

  async campaign(slug: string): Promise<StatisticsCampaign | null> {
    const row = await this.db
      .selectFrom('campaigns as c')
      .leftJoin('campaign_translations as t', (j) =>
        j.onRef('t.campaign_id', '=', 'c.id').onRef('t.locale', '=', 'c.source_locale'),
      )
      .select(['c.id', 'c.slug', 'c.status', 't.headline'])
      .where('c.slug', '=', slug)
      .executeTakeFirst();
    return row ? { id: row.id, slug: row.slug, status: row.status, headline: row.headline } : null;
  }

  async liveCampaigns(): Promise<StatisticsCampaign[]> {
    const rows = await this.db
      .selectFrom('campaigns as c')
      .leftJoin('campaign_translations as t', (j) =>
        j.onRef('t.campaign_id', '=', 'c.id').onRef('t.locale', '=', 'c.source_locale'),
      )
      .select(['c.id', 'c.slug', 'c.status', 't.headline'])
      .where('c.status', '=', 'live')
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, slug: r.slug, status: r.status, headline: r.headline }));
  }

  async counts(campaignIds: readonly number[]): Promise<CountRow[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('counts')
      .select(['locale', 'country', 'source', 'status', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy(['locale', 'country', 'source', 'status'])
      .execute();
    return rows.map((r) => ({
      locale: r.locale,
      country: r.country,
      source: r.source,
      status: r.status,
      n: num(r.n),
    }));
  }

  async countedByHour(campaignIds: readonly number[], since: number): Promise<HourCount[]> {
    if (campaignIds.length === 0) return [];
    let q = this.db
      .selectFrom('signature_hours')
      .select(['hour', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy('hour');
    if (since > 0) q = q.where('hour', '>=', Math.floor(since / hourMs));
    const rows = await q.execute();
    return rows.map((r) => ({ hour: num(r.hour), n: num(r.n) }));
  }

  async messagesByStatus(campaignIds: readonly number[]): Promise<MessageStatusCount[]> {
    if (campaignIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('message_counts')
      .select(['status', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .where('campaign_id', 'in', campaignIds)
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: num(r.n) }));
  }
}
