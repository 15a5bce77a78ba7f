// The lifecycle's pure rules: which actions each status allows, calendar months, typed end dates, and when
// the job closes or reminds.
import { describe, expect, it } from 'vitest';
import {
  actionsFrom,
  addCalendarMonths,
  defaultEndDate,
  hasEnded,
  needsReminder,
  parseEndDate,
  readEndDate,
  reminderLeadMs,
  transitions,
} from './lifecycle.js';

const day = 86_400_000;

describe('campaign lifecycle rules', () => {
  it('allows exactly the transitions of the diagram', () => {
    expect(actionsFrom('draft')).toEqual(['submit']);
    expect(actionsFrom('in_review')).toEqual(['launch', 'send_back']);
    expect(actionsFrom('live')).toEqual(['extend', 'close']);
    expect(actionsFrom('closed')).toEqual(['reopen']);
    expect(Object.values(transitions).map((t) => `${t.from}→${t.to}`)).toEqual([
      'draft→in_review',
      'in_review→live',
      'in_review→draft',
      'live→live',
      'live→closed',
      'closed→live',
    ]);
  });

  it('adds calendar months in UTC, clamping to the end of shorter months', () => {
    expect(new Date(addCalendarMonths(Date.UTC(2026, 10, 23, 9, 30), 3)).toISOString()).toBe(
      '2027-02-23T09:30:00.000Z',
    );
    expect(new Date(addCalendarMonths(Date.UTC(2026, 10, 30), 3)).toISOString()).toBe(
      '2027-02-28T00:00:00.000Z',
    );
    expect(new Date(addCalendarMonths(Date.UTC(2027, 10, 30), 3)).toISOString()).toBe(
      '2028-02-29T00:00:00.000Z',
    );
    expect(new Date(addCalendarMonths(Date.UTC(2027, 0, 31), 3)).toISOString()).toBe(
      '2027-04-30T00:00:00.000Z',
    );
    expect(new Date(defaultEndDate(Date.UTC(2026, 10, 23, 9, 30))).toISOString()).toBe(
      '2027-02-23T23:59:59.999Z',
    );
  });

  it('reads end dates as whole UTC days and refuses what is not a date', () => {
    expect(parseEndDate('2027-03-31')).toBe(Date.UTC(2027, 2, 31, 23, 59, 59, 999));
    expect(parseEndDate(' 2027-3-1 ')).toBe(Date.UTC(2027, 2, 1, 23, 59, 59, 999));
    expect(parseEndDate('٢٠٢٧-٠٣-٣١')).toBe(Date.UTC(2027, 2, 31, 23, 59, 59, 999));
    expect(parseEndDate('۲۰۲۷-۰۳-۳۱')).toBe(Date.UTC(2027, 2, 31, 23, 59, 59, 999));
    for (const bad of [
      '2027-02-30',
      '2027-13-01',
      '2027-00-10',
      '31/03/2027',
      '2027-03-31T00:00',
      '',
      'x',
      '1999-01-01',
    ]) {
      expect(parseEndDate(bad), bad).toBeUndefined();
    }
    const now = Date.UTC(2026, 10, 23, 9);
    expect(readEndDate('', now)).toEqual({ ok: true, value: undefined });
    expect(readEndDate('2026-11-22', now)).toEqual({ ok: false, problem: 'past' });
    // Today still counts: it ends at midnight UTC.
    expect(readEndDate('2026-11-23', now)).toEqual({
      ok: true,
      value: Date.UTC(2026, 10, 23, 23, 59, 59, 999),
    });
    expect(readEndDate('soon', now)).toEqual({ ok: false, problem: 'format' });
  });

  it('closes at the end date and reminds once, within the last week', () => {
    const endsAt = Date.UTC(2026, 11, 31, 23, 59, 59, 999);
    const live = { status: 'live' as const, endsAt, reminderSentAt: null };
    expect(hasEnded(live, endsAt - 1)).toBe(false);
    expect(hasEnded(live, endsAt)).toBe(true);
    expect(hasEnded({ ...live, status: 'closed' }, endsAt + day)).toBe(false);
    expect(hasEnded({ ...live, endsAt: null }, endsAt)).toBe(false);
    expect(needsReminder(live, endsAt - reminderLeadMs - 1)).toBe(false);
    expect(needsReminder(live, endsAt - reminderLeadMs)).toBe(true);
    expect(needsReminder({ ...live, reminderSentAt: endsAt - reminderLeadMs }, endsAt - day)).toBe(false);
    expect(needsReminder(live, endsAt)).toBe(false);
    expect(needsReminder({ ...live, status: 'in_review' }, endsAt - day)).toBe(false);
  });
});
