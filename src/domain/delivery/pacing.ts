// Pacing: how often one target address may receive mail (an hourly cap spread evenly, with jitter that
// only ever lengthens the gap, so no rolling hour exceeds the cap), and office hours in the target's own
// time zone (Intl does the DST arithmetic). Pure functions over epoch milliseconds.
import type { OfficeHours } from './delivery.js';

const HOUR = 3_600_000;

/**
 * Messages per hour in force for a target: its own cap, else the campaign's for targets; union copy
 * addresses are uncapped unless they set one (the union asked for every message). 0 means uncapped.
 */
export function effectiveCap(kind: string, targetCap: number | null, campaignCap: number): number | null {
  const cap = targetCap ?? (kind === 'copy' ? null : campaignCap);
  return cap && cap > 0 ? cap : null;
}

/** Milliseconds between two sends to one address; 0 when uncapped. */
export function intervalMs(capPerHour: number | null): number {
  return capPerHour && capPerHour > 0 ? Math.ceil(HOUR / capPerHour) : 0;
}

/**
 * How many messages an address may be sent now. Capped addresses get one per free slot and never catch
 * up after a quiet spell (that would be a burst); uncapped ones get up to `max`.
 */
export function slotsNow(now: number, nextSendAt: number, capPerHour: number | null, max: number): number {
  if (now < nextSendAt) return 0;
  const interval = intervalMs(capPerHour);
  return interval === 0 ? max : 1;
}

/** When the address is free again after `sent` sends at `now`. `random` is in [0, 1). */
export function nextSendAt(
  now: number,
  sent: number,
  capPerHour: number | null,
  jitter: number,
  random: number,
): number {
  const interval = intervalMs(capPerHour);
  if (interval === 0) return now;
  return now + Math.ceil(sent * interval * (1 + jitter * random));
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    } catch {
      f = formatter('UTC');
    }
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** Weekday (1–7) and minutes since local midnight at `now` in `timeZone`. */
export function localTime(now: number, timeZone: string): { weekday: number; minutes: number } {
  let weekday = 1;
  let hour = 0;
  let minute = 0;
  for (const part of formatter(timeZone).formatToParts(now)) {
    if (part.type === 'weekday') weekday = WEEKDAYS[part.value] ?? 1;
    else if (part.type === 'hour') hour = Number(part.value);
    else if (part.type === 'minute') minute = Number(part.value);
  }
  return { weekday, minutes: hour * 60 + minute };
}

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

function minutesOf(hhmm: string): number {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
}

/** Parses stored office hours; anything malformed means "any time" rather than "never". */
export function parseOfficeHours(json: string | null): OfficeHours | null {
  if (!json) return null;
  try {
    const v = JSON.parse(json) as Partial<OfficeHours>;
    if (
      Array.isArray(v.days) &&
      v.days.length > 0 &&
      v.days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7) &&
      typeof v.start === 'string' &&
      typeof v.end === 'string' &&
      HHMM.test(v.start) &&
      HHMM.test(v.end) &&
      minutesOf(v.start) < minutesOf(v.end)
    ) {
      return { days: v.days, start: v.start, end: v.end };
    }
  } catch {
    // fall through
  }
  return null;
}

export function withinOfficeHours(now: number, hours: OfficeHours | null, timeZone: string | null): boolean {
  if (!hours) return true;
  const { weekday, minutes } = localTime(now, timeZone ?? 'UTC');
  return hours.days.includes(weekday) && minutes >= minutesOf(hours.start) && minutes < minutesOf(hours.end);
}
