// The campaign editor's pure rules: slugs, typed days, links, goals, office-hour times, the stale-form
// token, which updates a page shows, the follow-up's headline, and the salutation a letter opens with.
import { describe, expect, it } from 'vitest';
import { letterSalutation } from '../delivery/delivery.js';
import { type CampaignTexts, successorHeadline, updatesFor } from './campaign.js';
import { checkSlug, dayOf, editToken, parseDay } from './edit-campaign.js';
import { parseTime } from './edit-campaign-settings.js';
import { readGoal, readLink } from './edit-campaign-texts.js';

describe('campaign editor rules', () => {
  it('accepts slugs of lowercase words joined by single hyphens, and nothing else', () => {
    expect(checkSlug('kazakhstan-free-erlan-baltabay')).toBeUndefined();
    expect(checkSlug('g20')).toBeUndefined();
    expect(checkSlug('')).toBe('SlugRequired');
    expect(checkSlug('x'.repeat(121))).toBe('SlugTooLong');
    for (const bad of [
      'Free-Erlan',
      'free--erlan',
      '-free',
      'free-',
      'free erlan',
      'frée',
      'ab',
      'free_erlan',
      'a/b',
    ]) {
      expect(checkSlug(bad), bad).toBe('SlugFormat');
    }
    expect(checkSlug('archive')).toBe('SlugReserved');
    expect(checkSlug('new')).toBe('SlugReserved');
  });

  it('reads calendar days as typed, Arabic digits included, and refuses days that do not exist', () => {
    expect(parseDay('2026-03-12')).toBe('2026-03-12');
    expect(parseDay(' 2026-3-2 ')).toBe('2026-03-02');
    expect(parseDay('٢٠٢٦-٠٣-١٢')).toBe('2026-03-12');
    for (const bad of ['2026-02-30', '12/03/2026', '2026-13-01', '1999-01-01', 'yesterday', '']) {
      expect(parseDay(bad), bad).toBeUndefined();
    }
    expect(dayOf(Date.UTC(2026, 2, 12, 23, 59))).toBe('2026-03-12');
  });

  it('takes only http and https links, normalised as a browser opens them', () => {
    expect(readLink('')).toEqual({ ok: true, value: null });
    expect(readLink(' https://www.industriall-union.org ')).toEqual({
      ok: true,
      value: 'https://www.industriall-union.org/',
    });
    expect(readLink('http://example.org/a?b=c')).toEqual({ ok: true, value: 'http://example.org/a?b=c' });
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,<script>',
      'ftp://example.org/',
      'www.example.org',
      'https://localhost/',
      'https://exa mple.org/',
      'https://example.org/\r\nBcc: x@y.org',
    ]) {
      expect(readLink(bad), bad).toEqual({ ok: false, error: 'UrlInvalid' });
    }
    expect(readLink(`https://example.org/${'a'.repeat(2_000)}`)).toEqual({ ok: false, error: 'TooLong' });
  });

  it('reads goals with separators and Arabic digits; refuses zero, fractions and words', () => {
    expect(readGoal('')).toEqual({ ok: true, value: null });
    expect(readGoal('10,000')).toEqual({ ok: true, value: 10_000 });
    expect(readGoal('10 000')).toEqual({ ok: true, value: 10_000 });
    expect(readGoal('١٠٠٠٠')).toEqual({ ok: true, value: 10_000 });
    expect(readGoal('0')).toEqual({ ok: false, error: 'GoalInvalid' });
    expect(readGoal('-5')).toEqual({ ok: false, error: 'GoalInvalid' });
    expect(readGoal('ten')).toEqual({ ok: false, error: 'GoalInvalid' });
    expect(readGoal('1e9')).toEqual({ ok: false, error: 'GoalInvalid' });
    expect(readGoal('200000000')).toEqual({ ok: false, error: 'GoalTooLarge' });
  });

  it('reads office-hour times as HH:MM', () => {
    expect(parseTime('9')).toBe('09:00');
    expect(parseTime('9:30')).toBe('09:30');
    expect(parseTime('17.00')).toBe('17:00');
    expect(parseTime('٠٩:٠٠')).toBe('09:00');
    for (const bad of ['24:00', '9:60', '9am', '', '09:0']) expect(parseTime(bad), bad).toBeUndefined();
  });

  it('changes the stale-form token exactly when a value the form shows changes', () => {
    const base = {
      slug: 'free-erlan',
      goal: 10_000,
      moreInfoUrl: null,
      sourceLocale: 'en',
      source: {
        headline: 'Free Erlan',
        backgroundMd: 'Background',
        defaultMessage: 'Release him.',
        targetSubject: 'Free Erlan',
        targetSalutation: 'Dear Minister,',
      },
    };
    const token = editToken(base);
    expect(editToken({ ...base })).toBe(token);
    expect(editToken({ ...base, goal: 10_001 })).not.toBe(token);
    expect(editToken({ ...base, slug: 'free-erlan-baltabay' })).not.toBe(token);
    expect(editToken({ ...base, source: { ...base.source, targetSalutation: 'Dear Sir,' } })).not.toBe(token);
    expect(editToken({ ...base, source: null })).not.toBe(token);
    // A photo caption or a revision number is not on the form: not part of the token.
    expect(
      editToken({ ...base, source: { ...base.source, photoAlt: 'x', revision: 9 } as typeof base.source }),
    ).toBe(token);
  });

  it('shows the updates in the page language, newest first, else those in the source language', () => {
    const updates = [
      { id: 1, day: '2026-03-01', locale: 'en', bodyMd: 'Hearing set.' },
      { id: 2, day: '2026-03-12', locale: 'en', bodyMd: 'Appeal rejected.' },
      { id: 3, day: '2026-03-12', locale: 'en', bodyMd: 'Union responds.' },
      { id: 4, day: '2026-03-12', locale: 'tl', bodyMd: 'Tinanggihan ang apela.' },
    ];
    const campaign = { sourceLocale: 'en', updates };
    expect(updatesFor(campaign, 'en').map((u) => u.id)).toEqual([3, 2, 1]);
    expect(updatesFor(campaign, 'tl').map((u) => u.id)).toEqual([4]);
    expect(updatesFor(campaign, 'ar').map((u) => u.id)).toEqual([3, 2, 1]);
    expect(updatesFor({ sourceLocale: 'en' }, 'en')).toEqual([]);
  });

  it("picks the follow-up's headline like the page's own texts", () => {
    const successor = {
      slug: 'next',
      status: 'live' as const,
      sourceLocale: 'en',
      headlines: [
        { locale: 'en', headline: 'Free them all' },
        { locale: 'pt-BR', headline: 'Libertem todos' },
      ],
    };
    expect(successorHeadline(successor, 'pt')?.headline).toBe('Libertem todos');
    expect(successorHeadline(successor, 'ar')?.headline).toBe('Free them all');
    expect(successorHeadline({ ...successor, headlines: [] }, 'en')).toBeUndefined();
  });

  it('opens a letter with the salutation unless the message already does', () => {
    const texts: CampaignTexts = {
      locale: 'en',
      status: 'published',
      headline: 'h',
      backgroundMd: 'b',
      defaultMessage: 'm',
      targetSubject: 's',
      targetSalutation: ' Dear Minister, ',
      outcomeMd: null,
    };
    expect(letterSalutation(texts, 'I am writing to demand…')).toBe('Dear Minister,');
    expect(letterSalutation(texts, 'Dear minister, I am writing…')).toBeUndefined();
    expect(letterSalutation(texts, '  DEAR MINISTER\n\nI am writing…')).toBeUndefined();
    expect(letterSalutation({ ...texts, targetSalutation: '' }, 'x')).toBeUndefined();
    expect(letterSalutation({ ...texts, targetSalutation: undefined }, 'x')).toBeUndefined();
  });
});
