// Pacing over a simulated week with a stepped clock: the cap holds in every rolling hour, sends are spread
// rather than bunched, and office hours hold in the target's zone across a DST change.
import { describe, expect, it } from 'vitest';
import {
  intervalMs,
  localTime,
  nextSendAt,
  parseOfficeHours,
  slotsNow,
  withinOfficeHours,
} from './pacing.js';

function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** Every send time of one address over `days`, ticking every `tickMs`, with a backlog that never empties. */
function simulate(opts: {
  cap: number;
  days: number;
  tickMs: number;
  start: number;
  open?: (t: number) => boolean;
}) {
  const random = seeded(7);
  const sends: number[] = [];
  let next = 0;
  for (let t = opts.start; t < opts.start + opts.days * 86_400_000; t += opts.tickMs) {
    if (opts.open && !opts.open(t)) continue;
    const n = slotsNow(t, next, opts.cap, 100);
    for (let i = 0; i < n; i++) sends.push(t);
    if (n > 0) next = nextSendAt(t, n, opts.cap, 0.2, random());
  }
  return sends;
}

function maxInAnyHour(sends: number[]): number {
  let max = 0;
  let lo = 0;
  for (let hi = 0; hi < sends.length; hi++) {
    while (sends[hi]! - sends[lo]! >= 3_600_000) lo++;
    max = Math.max(max, hi - lo + 1);
  }
  return max;
}

describe('pacing', () => {
  it('never exceeds the cap in any rolling hour over a week, and uses most of it', () => {
    for (const cap of [1, 7, 30, 120]) {
      const sends = simulate({ cap, days: 7, tickMs: 5_000, start: Date.UTC(2026, 2, 23) });
      expect(maxInAnyHour(sends)).toBeLessThanOrEqual(cap);
      // Jitter only lengthens gaps (by 10 % on average), so a week delivers at least 80 % of cap × hours.
      expect(sends.length).toBeGreaterThan(cap * 24 * 7 * 0.8);
    }
  });

  it('spreads sends evenly: no two sends to one address closer than 3600 s / cap', () => {
    const sends = simulate({ cap: 30, days: 1, tickMs: 1_000, start: 0 });
    for (let i = 1; i < sends.length; i++)
      expect(sends[i]! - sends[i - 1]!).toBeGreaterThanOrEqual(intervalMs(30));
  });

  it('lets an uncapped address (a union copy box) take a whole batch at once', () => {
    expect(slotsNow(1_000, 0, null, 200)).toBe(200);
    expect(nextSendAt(1_000, 200, null, 0.2, 0.9)).toBe(1_000);
  });

  it('does not burst after a quiet spell', () => {
    expect(slotsNow(10 * 3_600_000, 0, 30, 100)).toBe(1);
  });

  it('holds office hours in the target zone across the European DST change', () => {
    const hours = parseOfficeHours('{"days":[1,2,3,4,5],"start":"09:00","end":"17:00"}');
    // 2026-03-23 is a Monday; Europe/Berlin moves to summer time on Sunday 2026-03-29.
    const sends = simulate({
      cap: 30,
      days: 14,
      tickMs: 60_000,
      start: Date.UTC(2026, 2, 23),
      open: (t) => withinOfficeHours(t, hours, 'Europe/Berlin'),
    });
    expect(sends.length).toBeGreaterThan(0);
    for (const t of sends) {
      const { weekday, minutes } = localTime(t, 'Europe/Berlin');
      expect(weekday).toBeLessThanOrEqual(5);
      expect(minutes).toBeGreaterThanOrEqual(9 * 60);
      expect(minutes).toBeLessThan(17 * 60);
    }
    // Monday 30 March 09:00 in Berlin is 07:00 UTC (summer time), a week earlier it was 08:00 UTC.
    const firstOn = (day: number) =>
      sends.find((t) => t >= Date.UTC(2026, 2, day) && t < Date.UTC(2026, 2, day + 1));
    expect(new Date(firstOn(23)!).toISOString()).toBe('2026-03-23T08:00:00.000Z');
    expect(new Date(firstOn(30)!).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('treats malformed office hours as any time and an unknown zone as UTC', () => {
    expect(parseOfficeHours('{"days":[],"start":"09:00","end":"17:00"}')).toBeNull();
    expect(parseOfficeHours('{"days":[1],"start":"18:00","end":"09:00"}')).toBeNull();
    expect(parseOfficeHours('not json')).toBeNull();
    expect(withinOfficeHours(0, null, 'Nowhere/Else')).toBe(true);
    expect(localTime(Date.UTC(2026, 0, 5, 10, 30), 'Nowhere/Else')).toEqual({ weekday: 1, minutes: 630 });
  });
});
