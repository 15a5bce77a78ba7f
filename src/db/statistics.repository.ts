// The statistics pages' reads (domain/statistics). Languages, countries, sources and statuses are sums over
// the counts table, whose rows the signing write path keeps per (campaign, language, country, source,
// status); time is one grouped range over confirmed signatures (idx_signatures_campaign_id_status for a
// campaign, idx_signatures_status_created_at site-wide); delivery counts messages by status, through the
// target-leading index for a campaign. bench/statistics.ts measures them on a million signatures.
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

  async counts(campaignIds: readonly number[] | null): Promise<CountRow[]> {
    if (campaignIds?.length === 0) return [];
    let q = this.db
      .selectFrom('counts')
      .select(['locale', 'country', 'source', 'status', (eb) => eb.fn.sum<number | string>('n').as('n')])
      .groupBy(['locale', 'country', 'source', 'status']);
    if (campaignIds) q = q.where('campaign_id', 'in', campaignIds);
    const rows = await q.execute();
    return rows.map((r) => ({
      locale: r.locale,
      country: r.country,
      source: r.source,
      status: r.status,
      n: num(r.n),
    }));
  }

  async countedByHour(campaignIds: readonly number[] | null, since: number): Promise<HourCount[]> {
    if (campaignIds?.length === 0) return [];
    // Integer division on both dialects (created_at is an integer / bigint): the UTC hour number.
    const hour = sql<number | string>`created_at / ${sql.lit(hourMs)}`;
    let q = this.db
      .selectFrom('signatures')
      .select([hour.as('hour'), (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('status', '=', 'confirmed')
      .groupBy(hour);
    if (campaignIds) q = q.where('campaign_id', 'in', campaignIds);
    if (since > 0) q = q.where('created_at', '>=', since);
    const rows = await q.execute();
    return rows.map((r) => ({ hour: num(r.hour), n: num(r.n) }));
  }

  async messagesByStatus(campaignIds: readonly number[] | null): Promise<MessageStatusCount[]> {
    if (campaignIds?.length === 0) return [];
    // Letters only: a digest row is the envelope of messages that count themselves (status `digested`).
    let q = this.db
      .selectFrom('messages')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('signature_id', 'is not', null)
      .groupBy('status');
    if (campaignIds) {
      q = q.where('target_id', 'in', (eb) =>
        eb.selectFrom('targets').select('id').where('campaign_id', 'in', campaignIds),
      );
    }
    const rows = await q.execute();
    return rows.map((r) => ({ status: r.status, n: num(r.n) }));
  }
}
