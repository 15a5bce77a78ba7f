// The statistics pages' reads (domain/statistics). Languages, countries, sources and statuses are sums over
// the counts table, whose rows the signing write path keeps per (campaign, language, country, source,
// status); time is one grouped range over confirmed signatures (idx_signatures_campaign_id_status for a
// campaign, idx_signatures_status_created_at site-wide); delivery counts messages by status through the
// target-leading index. Every read is bounded by campaigns, never the whole history. bench/statistics.ts measures them on a million signatures.
import { type Kysely, sql } from 'kysely';
import type {
  CountRow,
  HourCount,
  MessageStatusCount,
  StatisticsCampaign,
  StatisticsReader,
} from '../domain/statistics/statistics.ports.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

const num = (v: number | string | bigint | null | undefined): number => Number(v ?? 0);
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
    // Integer division on both dialects (created_at is an integer / bigint): the UTC hour number.
    const hour = sql<number | string>`created_at / ${sql.lit(hourMs)}`;
    let q = this.db
      .selectFrom('signatures')
      .select([hour.as('hour'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', '=', 'confirmed')
      .where('campaign_id', 'in', campaignIds)
      .groupBy(hour);
    if (since > 0) q = q.where('created_at', '>=', since);
    const rows = await q.execute();
    return rows.map((r) => ({ hour: num(r.hour), n: num(r.n) }));
  }

  async messagesByStatus(campaignIds: readonly number[]): Promise<MessageStatusCount[]> {
    if (campaignIds.length === 0) return [];
    // Through the campaigns' targets, so that only idx_messages_target_status_id is read (no table rows).
    const rows = await this.db
      .selectFrom('messages')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('target_id', 'in', (eb) =>
        eb.selectFrom('targets').select('id').where('campaign_id', 'in', campaignIds),
      )
      .groupBy('status')
      .execute();
    return rows.map((r) => ({ status: r.status, n: num(r.n) }));
  }
}
