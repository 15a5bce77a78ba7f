// The rules for one target and one partner, shared by the forms and the CSV import: languages Intl knows
// (in the casing people and our URLs use), IANA time zones, positive caps, http(s) links only.
import { describe, expect, it } from 'vitest';
import { validatePartner, webLink } from './partner-fields.js';
import {
  knownLanguage,
  knownTimeZone,
  parseTargetCountries,
  targetServes,
  validateTarget,
} from './target-fields.js';

const target = {
  name: 'Minister',
  organisation: '',
  email: 'm@labour.example.org',
  locale: '',
  timeZone: '',
};

describe('target fields', () => {
  it.each([
    ['RU', 'ru'],
    ['pt-br', 'pt-BR'],
    ['en_GB', 'en-GB'],
    ['tl', 'tl'],
    ['zz', undefined],
    ['Russian', undefined],
    ['<script>', undefined],
  ])('knows real languages in canonical casing and keeps tl as tl: %j is %j', (input, language) => {
    expect(knownLanguage(input)).toBe(language);
  });

  it('knows IANA time zones in canonical spelling and refuses offsets and inventions', () => {
    expect(knownTimeZone('asia/almaty')).toBe('Asia/Almaty');
    expect(knownTimeZone('utc')).toBe('UTC');
    expect(knownTimeZone('Europe/Kyiv')).toMatch(/^Europe\/Ki/);
    expect(knownTimeZone('+05:00')).toBeUndefined();
    expect(knownTimeZone('Mars/Olympus')).toBeUndefined();
    expect(knownTimeZone('../../etc/passwd')).toBeUndefined();
  });

  it('reads the countries of an embassy target: ISO codes in any case or separation, sorted, no repeats', () => {
    expect(parseTargetCountries('')).toEqual({ ok: true, value: [] });
    expect(parseTargetCountries(' fr, de;DE  be ')).toEqual({ ok: true, value: ['BE', 'DE', 'FR'] });
    expect(parseTargetCountries('DE, Germany')).toEqual({ ok: false });
    expect(parseTargetCountries('UK')).toEqual({ ok: false });
    expect(validateTarget({ ...target, countries: 'by xx' })).toEqual({
      ok: false,
      errors: { countries: 'CountryUnknown' },
    });
    expect(validateTarget({ ...target, countries: 'by' })).toMatchObject({ value: { countries: ['BY'] } });
    expect(targetServes([], 'JP')).toBe(true);
    expect(targetServes(['DE'], 'DE')).toBe(true);
    expect(targetServes(['DE'], 'AT')).toBe(false);
  });

  it('checks every field at once and accepts a positive whole cap only', () => {
    expect(validateTarget({ ...target, hourlyCap: '12' })).toMatchObject({
      ok: true,
      value: { hourlyCap: 12 },
    });
    for (const cap of ['0', '-3', '1.5', 'ten', '10001', '99999999']) {
      expect(validateTarget({ ...target, hourlyCap: cap }), cap).toEqual({
        ok: false,
        errors: { hourlyCap: 'CapInvalid' },
      });
    }
    expect(
      validateTarget({ name: '', organisation: '@org', email: 'x', locale: 'xx', timeZone: 'Nowhere' }),
    ).toEqual({
      ok: false,
      errors: {
        name: 'Required',
        organisation: 'Formula',
        email: 'EmailInvalid',
        locale: 'LanguageUnknown',
        timeZone: 'TimeZoneUnknown',
      },
    });
  });
});

describe('partner fields', () => {
  it('takes http and https links only, without credentials', () => {
    expect(webLink('https://www.ituc-csi.org')).toBe('https://www.ituc-csi.org/');
    expect(webLink(' http://industriall-union.org/x?y=1 ')).toBe('http://industriall-union.org/x?y=1');
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'ftp://x.org',
      'https://u:p@x.org',
      '//x.org',
      'x.org',
    ]) {
      expect(webLink(bad), bad).toBeUndefined();
    }
  });

  it('needs a clean name and bounds the description', () => {
    expect(validatePartner({ name: 'KNPRK', url: '', description: '' })).toEqual({
      ok: true,
      value: { name: 'KNPRK', url: null, description: null },
    });
    expect(
      validatePartner({ name: 'A\u202Eb', url: 'javascript:x', description: 'd'.repeat(3_000) }),
    ).toEqual({
      ok: false,
      errors: { name: 'InvalidCharacters', url: 'UrlInvalid', description: 'TooLong' },
    });
  });
});
