// Who a mailing goes to: a segment is one or more language lists narrowed by conditions that combine with
// AND. It is stored as JSON on the mailing, counted live while the editor composes, and turned into the
// recipient queue when the send starts (db/mailing-segment.query.ts does both with one query).
// Whatever the conditions, only subscribed members whose address is not suppressed are ever included.

export interface Segment {
  /** Language lists (locale codes); at least one. */
  locales: string[];
  /** ISO 3166 alpha-2 codes of the supporter's country; empty: any country. */
  countries: string[];
  /** Has a counted signature on this campaign. */
  signedCampaignId: number | null;
  /** Has no counted signature on this campaign ("urgent — to those who have not yet signed"). */
  notSignedCampaignId: number | null;
  /** Signed at least this many campaigns in the 12 months before the send; null: no condition. */
  minCampaignsLastYear: number | null;
  /** Joined the list on or after this time (epoch ms); null: no condition. */
  subscribedSince: number | null;
  /** Signed a campaign this partner organisation runs; null: no condition. */
  partnerId: number | null;
}

export const emptySegment = (locales: string[]): Segment => ({
  locales,
  countries: [],
  signedCampaignId: null,
  notSignedCampaignId: null,
  minCampaignsLastYear: null,
  subscribedSince: null,
  partnerId: null,
});

/** A segment's conditions are consistent (the form refuses the rest with a translated error). */
export function segmentProblem(segment: Segment): 'NoList' | 'SignedAndNotSigned' | null {
  if (segment.locales.length === 0) return 'NoList';
  if (segment.signedCampaignId !== null && segment.signedCampaignId === segment.notSignedCampaignId) {
    return 'SignedAndNotSigned';
  }
  return null;
}

const ids = (v: unknown): number | null =>
  typeof v === 'number' && Number.isSafeInteger(v) && v > 0 ? v : null;
const codes = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];

/**
 * A segment as stored (the mailing's JSON, written by any version of any writer): every field present,
 * anything missing or of the wrong type read as "no condition", so a partial segment never breaks a page.
 */
export function segmentFrom(stored: unknown): Segment {
  const s = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const n = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  return {
    locales: codes(s.locales),
    countries: codes(s.countries),
    signedCampaignId: ids(s.signedCampaignId),
    notSignedCampaignId: ids(s.notSignedCampaignId),
    minCampaignsLastYear: n(s.minCampaignsLastYear),
    subscribedSince: n(s.subscribedSince),
    partnerId: ids(s.partnerId),
  };
}
