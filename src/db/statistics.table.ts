// Row types of the statistics rollups (migration 0025, kept by triggers): partial sums per shard, which
// readers add up (docs/decisions/0029-statistics.md).
export interface SignatureHoursTable {
  campaign_id: number;
  /** UTC hours since 1970-01-01 of the signatures' `created_at`. */
  hour: number;
  shard: number;
  /** Confirmed signatures made in that hour. */
  n: number;
}

export interface MessageCountsTable {
  campaign_id: number;
  status: string;
  shard: number;
  n: number;
}
