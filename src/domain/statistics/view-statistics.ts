// The statistics of one campaign, or of every campaign the viewer may see (site-wide), for editors and
// the partners attached to a campaign: signatures over time (hourly for a campaign's first three days,
// then daily), by language, country and source, the confirmation rate and the delivery of messages.
//
// Counted means confirmed, as on the dashboard and the public counter (0012-dashboard.md); time is counted
// by the UTC hour or day a signature was made. Every figure is a sum over the counts table or the hourly and
// delivery rollups, never a count over signatures (0029-statistics.md says which figure comes from where).
import { type AccountScopeReader, limitedToCampaigns } from '../account/account-scopes.js';
import { can, type Role } from '../account/permissions.js';
import { dayMs, startOfDay } from '../dashboard/calendar.js';
import type { Clock } from '../shared/clock.js';
import { type SourceKind, sourceKind, sourceKinds } from './source-kind.js';
import type { CountRow, StatisticsCampaign, StatisticsReader } from './statistics.ports.js';

export const hourMs = 3_600_000;
/** The hourly chart covers a campaign's first three days (site-wide: the last three). */
export const hourlyHours = 72;
/** Site-wide, the daily chart covers the last 30 days; a campaign's covers its life, at most a year. */
export const siteDays = 30;
export const maxDays = 366;

export const deliveryBuckets = ['sent', 'waiting', 'held', 'bounced', 'failed', 'unknown'] as const;
export type DeliveryBucket = (typeof deliveryBuckets)[number];

/** Message statuses (delivery.ts) in the bucket editors read them under. */
const bucketOf: Record<string, DeliveryBucket> = {
  sent: 'sent',
  queued: 'waiting',
  sending: 'waiting',
  deferred: 'waiting',
  held: 'held',
  bounced: 'bounced',
  failed: 'failed',
  unknown: 'unknown',
};

export interface Series {
  /** Start of the first slot (epoch ms) and the slot's length. */
  start: number;
  step: number;
  counts: number[];
}

export interface Statistics {
  /** Null for the site-wide page. */
  campaign: StatisticsCampaign | null;
  /** What the figures cover: the campaign, or site-wide the live campaigns the viewer may see. */
  covers: StatisticsCampaign[];
  now: number;
  counted: number;
  pending: number;
  held: number;
  /** Confirmed ÷ (confirmed + pending + expired); null before anyone was asked. */
  confirmationRate: number | null;
  /** Empty (no slots) while nothing is counted. */
  hours: Series;
  days: Series;
  /** Counted signatures, largest first; '' is "no country given". */
  languages: { locale: string; n: number }[];
  countries: { code: string; n: number }[];
  sources: { kind: SourceKind; n: number }[];
  /** Each `?src=` tag with its kind, largest first. */
  tags: { tag: string; kind: SourceKind; n: number }[];
  delivery: { bucket: DeliveryBucket; n: number }[];
}

export interface StatisticsDeps {
  reader: StatisticsReader;
  clock: Clock;
  scopes: AccountScopeReader;
}

export interface StatisticsViewer {
  role: Role;
  id: number;
}

export type StatisticsResult =
  | { status: 'ok'; statistics: Statistics }
  | { status: 'not-found' }
  | { status: 'forbidden' };

/**
 * `slug` null: site-wide, meaning the live campaigns (for a partner, those it is attached to). Closed
 * campaigns have their own pages; summing the whole archive would make the page's cost grow with history.
 */
export async function viewStatistics(
  deps: StatisticsDeps,
  viewer: StatisticsViewer,
  slug: string | null,
): Promise<StatisticsResult> {
  if (!can(viewer.role, 'reports:read')) return { status: 'forbidden' };
  const attached = limitedToCampaigns(viewer.role) ? await deps.scopes.campaignsOf(viewer.id) : null;
  const now = deps.clock.now();
  if (slug === null) {
    const live = (await deps.reader.liveCampaigns()).filter((c) => !attached || attached.includes(c.id));
    const since = startOfDay(now) - (siteDays - 1) * dayMs;
    return { status: 'ok', statistics: await assemble(deps, null, live, now, since) };
  }
  const campaign = await deps.reader.campaign(slug);
  if (!campaign) return { status: 'not-found' };
  if (attached && !attached.includes(campaign.id)) return { status: 'forbidden' };
  return { status: 'ok', statistics: await assemble(deps, campaign, [campaign], now, 0) };
}

async function assemble(
  deps: StatisticsDeps,
  campaign: StatisticsCampaign | null,
  covers: StatisticsCampaign[],
  now: number,
  since: number,
): Promise<Statistics> {
  const ids = covers.map((c) => c.id);
  const [counts, byHour, messages] = await Promise.all([
    deps.reader.counts(ids),
    deps.reader.countedByHour(ids, since),
    deps.reader.messagesByStatus(ids),
  ]);
  const byStatus = sumBy(counts, (r) => r.status);
  const confirmed = counts.filter((r) => r.status === 'confirmed');
  const counted = byStatus.get('confirmed') ?? 0;
  const asked = counted + (byStatus.get('pending') ?? 0) + (byStatus.get('expired') ?? 0);
  const tags = sorted(sumBy(confirmed, (r) => r.source)).map(([tag, n]) => ({
    tag,
    kind: sourceKind(tag),
    n,
  }));
  const kinds = new Map<SourceKind, number>();
  for (const t of tags) kinds.set(t.kind, (kinds.get(t.kind) ?? 0) + t.n);
  const delivery = new Map<DeliveryBucket, number>();
  for (const m of messages) {
    const bucket = bucketOf[m.status];
    if (bucket) delivery.set(bucket, (delivery.get(bucket) ?? 0) + m.n);
  }
  const { hours, days } =
    campaign === null ? siteSeries(byHour, now) : campaignSeries(byHour, now, campaign.status === 'live');
  return {
    campaign,
    covers,
    now,
    counted,
    pending: byStatus.get('pending') ?? 0,
    held: byStatus.get('held') ?? 0,
    confirmationRate: asked === 0 ? null : counted / asked,
    hours,
    days,
    languages: sorted(sumBy(confirmed, (r) => r.locale)).map(([locale, n]) => ({ locale, n })),
    countries: sorted(sumBy(confirmed, (r) => r.country)).map(([code, n]) => ({ code, n })),
    sources: sourceKinds.map((kind) => ({ kind, n: kinds.get(kind) ?? 0 })),
    tags: tags.filter((t) => t.tag !== ''),
    delivery: deliveryBuckets.map((bucket) => ({ bucket, n: delivery.get(bucket) ?? 0 })),
  };
}

function sumBy(rows: readonly CountRow[], key: (r: CountRow) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(key(r), (out.get(key(r)) ?? 0) + r.n);
  return out;
}

/** Largest first, then by key, dropping zeros (deltas can leave a row at 0). */
function sorted(m: Map<string, number>): [string, number][] {
  return [...m].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Counts per slot of `step` from `start` (inclusive) for `slots` slots. */
function series(byHour: { hour: number; n: number }[], start: number, step: number, slots: number): Series {
  const counts = new Array<number>(Math.max(0, slots)).fill(0);
  for (const h of byHour) {
    const i = Math.floor((h.hour * hourMs - start) / step);
    if (i >= 0 && i < counts.length) counts[i] = (counts[i] ?? 0) + h.n;
  }
  return { start, step, counts };
}

/** Site-wide: the last 72 hours by the hour and the last 30 days by the day, now included. */
function siteSeries(byHour: { hour: number; n: number }[], now: number) {
  const thisHour = Math.floor(now / hourMs);
  return {
    hours: series(byHour, (thisHour - hourlyHours + 1) * hourMs, hourMs, hourlyHours),
    days: series(byHour, startOfDay(now) - (siteDays - 1) * dayMs, dayMs, siteDays),
  };
}

/**
 * A campaign: its first 72 hours from the hour of its first counted signature (up to now), then every day
 * from that day to today while it is live, or to its last counted signature's day once it is not (at most
 * the last year of it).
 */
function campaignSeries(byHour: { hour: number; n: number }[], now: number, live: boolean) {
  const hours = byHour.filter((h) => h.n > 0).map((h) => h.hour);
  if (hours.length === 0) {
    return { hours: { start: now, step: hourMs, counts: [] }, days: { start: now, step: dayMs, counts: [] } };
  }
  const first = Math.min(...hours);
  const last = Math.max(...hours);
  const thisHour = Math.floor(now / hourMs);
  const hourSlots = Math.min(hourlyHours, Math.max(thisHour, last) - first + 1);
  const endDay = Math.floor((live ? Math.max(now, last * hourMs) : last * hourMs) / dayMs);
  const firstDay = Math.max(Math.floor((first * hourMs) / dayMs), endDay - maxDays + 1);
  return {
    hours: series(byHour, first * hourMs, hourMs, hourSlots),
    days: series(byHour, firstDay * dayMs, dayMs, endDay - firstDay + 1),
  };
}
