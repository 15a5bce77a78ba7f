// What the statistics pages read; db/statistics.repository.ts implements it. Language, country, source and
// confirmation figures come from the counts table (kept by the signing write path), time from an index range
// over confirmed signatures, delivery from message counts by status (docs/decisions/0029-statistics.md).

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

/** Messages to targets (one per signature and target) in one delivery status. */
export interface MessageStatusCount {
  status: string;
  n: number;
}

/** `campaignIds` null means every campaign (site-wide). */
export interface StatisticsReader {
  campaign(slug: string): Promise<StatisticsCampaign | null>;
  counts(campaignIds: readonly number[] | null): Promise<CountRow[]>;
  /** Confirmed signatures by the hour they were made, from `since` (epoch ms) on. */
  countedByHour(campaignIds: readonly number[] | null, since: number): Promise<HourCount[]>;
  messagesByStatus(campaignIds: readonly number[] | null): Promise<MessageStatusCount[]>;
}
