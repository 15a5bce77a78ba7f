// What the statistics pages read; db/statistics.repository.ts implements it. Language, country, source and
// confirmation figures come from the counts table (kept by the signing write path), time and delivery from
// rollups kept in the same transaction as every signature and message write (docs/decisions/0029-statistics.md).

export interface StatisticsCampaign {
  id: number;
  slug: string;
  /** Source-language headline; null while the campaign has no source text. */
  headline: string | null;
  status: string;
}

/** One row of the counts table, summed over the campaigns asked for. */
export interface CountRow {
  locale: string;
  /** ISO 3166-1 alpha-2, or '' when the signer gave none. */
  country: string;
  /** The `?src=` tag, or '' for none. */
  source: string;
  status: string;
  n: number;
}

/** Confirmed signatures made in one UTC hour (hour = hours since 1970-01-01). */
export interface HourCount {
  hour: number;
  n: number;
}

/**
 * Emails to targets in one delivery status: one per signature and target, or one per digest (letters
 * gathered into a digest, status `digested`, are counted by their digest).
 */
export interface MessageStatusCount {
  status: string;
  n: number;
}

export interface StatisticsReader {
  campaign(slug: string): Promise<StatisticsCampaign | null>;
  /** The live campaigns, newest first: what the site-wide page covers. */
  liveCampaigns(): Promise<StatisticsCampaign[]>;
  counts(campaignIds: readonly number[]): Promise<CountRow[]>;
  /** Confirmed signatures by the hour they were made, from the hour of `since` (epoch ms) on. */
  countedByHour(campaignIds: readonly number[], since: number): Promise<HourCount[]>;
  messagesByStatus(campaignIds: readonly number[]): Promise<MessageStatusCount[]>;
}
