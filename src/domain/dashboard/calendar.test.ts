// The dashboard's calendar: UTC days, weeks from Monday, and the chart's fourteen days.
import { describe, expect, it } from 'vitest';
import { chartDayStarts, dayMs, startOfDay, startOfWeek } from './calendar.js';
import { isOutdated } from './view-dashboard.js';

describe('dashboard calendar', () => {
  it('starts days at UTC midnight and weeks on Monday', () => {
    expect(startOfDay(Date.UTC(2026, 10, 25, 23, 59, 59, 999))).toBe(Date.UTC(2026, 10, 25));
    // Sunday 29 November belongs to the week of Monday the 23rd; Monday the 30th starts the next one.
    expect(startOfWeek(Date.UTC(2026, 10, 29, 23, 59))).toBe(Date.UTC(2026, 10, 23));
    expect(startOfWeek(Date.UTC(2026, 10, 30))).toBe(Date.UTC(2026, 10, 30));
    expect(startOfWeek(Date.UTC(2026, 10, 23))).toBe(Date.UTC(2026, 10, 23));
    // Across a year's end.
    expect(startOfWeek(Date.UTC(2027, 0, 1, 12))).toBe(Date.UTC(2026, 11, 28));
  });

  it('gives the chart fourteen days ending today', () => {
    const days = chartDayStarts(Date.UTC(2026, 10, 25, 10));
    expect(days).toHaveLength(14);
    expect(days[13]).toBe(Date.UTC(2026, 10, 25));
    expect(days[0]).toBe(Date.UTC(2026, 10, 25) - 13 * dayMs);
  });

  it('flags a translation made from an older source revision (0: made from the first)', () => {
    expect(isOutdated(0, 1)).toBe(false);
    expect(isOutdated(0, 2)).toBe(true);
    expect(isOutdated(2, 2)).toBe(false);
    expect(isOutdated(2, 3)).toBe(true);
  });
});
