// The calendar the dashboard counts in. Days are UTC days, like campaign end dates, and a week starts on
// Monday (ISO 8601), so "today" and "this week" are the same figures for every editor in every language.
export const dayMs = 86_400_000;

/** The chart shows this many days, today included. */
export const chartDays = 14;

/** Days since 1970-01-01 (UTC). */
export function dayIndex(ms: number): number {
  return Math.floor(ms / dayMs);
}

export function startOfDay(ms: number): number {
  return dayIndex(ms) * dayMs;
}

/** Monday 00:00 UTC of the week `ms` falls in. */
export function startOfWeek(ms: number): number {
  const day = dayIndex(ms);
  // 1970-01-01 was a Thursday: weekday 3 when Monday is 0.
  const weekday = (day + 3) % 7;
  return (day - weekday) * dayMs;
}

/** The chart's days, oldest first: the start of each of the last `chartDays` days, today last. */
export function chartDayStarts(now: number): number[] {
  const today = dayIndex(now);
  return Array.from({ length: chartDays }, (_, i) => (today - chartDays + 1 + i) * dayMs);
}
