// The statistics use case's rules without a database: source kinds, the time series of a campaign and of
// the site, who may see what. The reader is a plain object holding rows, as the counts table would.
import { describe, expect, it } from 'vitest';
import { sourceKind } from './source-kind.js';
import type { CountRow, HourCount, StatisticsCampaign, StatisticsReader } from './statistics.ports.js';
import { hourMs, viewStatistics } from './view-statistics.js';

const now = Date.UTC(2026, 10, 23, 9, 30);
const erlan: StatisticsCampaign = { id: 1, slug: 'erlan', headline: 'Free Erlan', status: 'live' };
const closed: StatisticsCampaign = { id: 2, slug: 'old', headline: 'Old', status: 'closed' };

function reader(counts: CountRow[], hours: HourCount[]): StatisticsReader & { asked: number[][] } {
  const asked: number[][] = [];
  return {
    asked,
    campaign: async (slug) => [erlan, closed].find((c) => c.slug === slug) ?? null,
    liveCampaigns: async () => [erlan],
    counts: async (ids) => {
      asked.push([...ids]);
      return counts;
    },
    countedByHour: async () => hours,
    messagesByStatus: async () => [
      { status: 'sent', n: 5 },
      { status: 'deferred', n: 2 },
      { status: 'queued', n: 1 },
      { status: 'digested', n: 9 },
    ],
  };
}

const row = (status: string, locale: string, country: string, source: string, n: number): CountRow => ({
  status,
  locale,
  country,
  source,
  n,
});
const scopes = { campaignsOf: async () => [2], languagesOf: async () => [] };
const clock = { now: () => now };

describe('source kinds', () => {
  it('reads mailings, partners, social networks, no tag and anything else', () => {
    const sources = ['mailing-3-en', 'partner-ituc', 'share', 'WhatsApp-2', '', 'poster-qr'];
    const kinds = ['mailing', 'partner', 'social', 'social', 'direct', 'other'];
    expect(sources.map((source) => sourceKind(source))).toEqual(kinds);
  });
});

describe('viewStatistics', () => {
  it('sums the counts rows, works out the rate and the series of a live campaign', async () => {
    const first = Math.floor(now / hourMs) - 100;
    const r = reader(
      [
        row('confirmed', 'en', 'KZ', 'mailing-1-en', 4),
        row('confirmed', 'ar', 'KZ', 'share', 2),
        row('confirmed', 'en', '', '', 0),
        row('pending', 'en', 'KZ', '', 1),
        row('expired', 'en', 'KZ', '', 1),
        row('held', 'en', 'KZ', '', 3),
      ],
      [
        { hour: first, n: 2 },
        { hour: first + 1, n: 3 },
        { hour: first + 99, n: 1 },
      ],
    );
    const result = await viewStatistics({ reader: r, clock, scopes }, { role: 'editor', id: 1 }, 'erlan');
    if (result.status !== 'ok') throw new Error(result.status);
    const s = result.statistics;
    expect([s.counted, s.pending, s.held]).toEqual([6, 1, 3]);
    expect(s.confirmationRate).toBe(6 / 8);
    expect(s.languages).toEqual([
      { locale: 'en', n: 4 },
      { locale: 'ar', n: 2 },
    ]);
    // A row left at 0 by deltas is not a country.
    expect(s.countries).toEqual([{ code: 'KZ', n: 6 }]);
    expect(s.sources.find((x) => x.kind === 'mailing')?.n).toBe(4);
    expect(s.sources.find((x) => x.kind === 'social')?.n).toBe(2);
    // Letters in a digest are counted by their digest, not again.
    expect(s.delivery.slice(0, 2)).toEqual([
      { bucket: 'sent', n: 5 },
      { bucket: 'waiting', n: 3 },
    ]);
    // 72 hours from the first signature; days from its day to today.
    expect(s.hours.start).toBe(first * hourMs);
    expect(s.hours.counts.length).toBe(72);
    expect(s.hours.counts.slice(0, 3)).toEqual([2, 3, 0]);
    expect(s.days.counts.reduce((a, b) => a + b)).toBe(6);
    expect(new Date(s.days.start + (s.days.counts.length - 1) * s.days.step).toISOString()).toBe(
      '2026-11-23T00:00:00.000Z',
    );
  });

  it('keeps a partner to its campaigns, site-wide too', async () => {
    const r = reader([], []);
    const partner = { role: 'partner' as const, id: 7 };
    expect((await viewStatistics({ reader: r, clock, scopes }, partner, 'erlan')).status).toBe('forbidden');
    expect((await viewStatistics({ reader: r, clock, scopes }, partner, 'old')).status).toBe('ok');
    expect((await viewStatistics({ reader: r, clock, scopes }, partner, 'nope')).status).toBe('not-found');
    // Site-wide is the live campaigns; the partner's only campaign is closed, so nothing is read for it.
    const site = await viewStatistics({ reader: r, clock, scopes }, partner, null);
    expect(site.status === 'ok' && site.statistics.covers).toEqual([]);
    expect(r.asked.at(-1)).toEqual([]);
    expect(
      (await viewStatistics({ reader: r, clock, scopes }, { role: 'translator', id: 3 }, null)).status,
    ).toBe('forbidden');
  });
});
