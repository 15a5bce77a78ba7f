import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localesDir } from '../config/paths.js';
import {
  canonicalLocale,
  directionOf,
  editorUiLocales,
  matchUiLocale,
  nativeName,
  plannedLocales,
  uiLocales,
} from './locales.js';

describe('locales', () => {
  it.each([
    ['tl', 'tl'],
    ['pt-br', 'pt-BR'],
    ['SR-latn', 'sr-Latn'],
    ['es-419', 'es-419'],
    ['zh-hant', 'zh-Hant'],
  ])('canonicalise the casing of %j to %j without alias mapping', (tag, canonical) => {
    expect(canonicalLocale(tag)).toBe(canonical);
  });

  it.each(['', 'e', 'english', 'en_US', 'en-', '../en', 'en-US-x-private-long', 'dev!', 'assets'])(
    'refuse %j',
    (tag) => {
      expect(canonicalLocale(tag)).toBeUndefined();
    },
  );

  it('know script direction and native names', () => {
    expect(directionOf('fa-IR')).toBe('rtl');
    expect(directionOf('tl')).toBe('ltr');
    expect(nativeName('ar')).toBe('العربية');
    expect(nativeName('zh-Hant')).toBe('繁體中文');
  });

  it('plan 53 interface languages, right to left exactly for Arabic, Persian, Urdu and Hebrew', () => {
    const codes = plannedLocales.map((l) => l.code);
    expect(codes).toHaveLength(53);
    expect(new Set(codes).size).toBe(53);
    expect(plannedLocales.filter((l) => l.dir === 'rtl').map((l) => l.code)).toEqual([
      'ar',
      'fa',
      'ur',
      'he',
    ]);
    for (const l of plannedLocales) {
      expect(canonicalLocale(l.code)).toBe(l.code);
      expect(directionOf(l.code)).toBe(l.dir);
      expect(nativeName(l.code)).not.toBe(l.code);
    }
  });

  it('serve exactly the planned languages whose catalog file exists', () => {
    expect(uiLocales.map((l) => l.code)).toEqual(
      plannedLocales.filter((l) => existsSync(`${localesDir}/${l.code}.json`)).map((l) => l.code),
    );
    expect(uiLocales.map((l) => l.code)).toEqual(expect.arrayContaining(['en', 'ar', 'tl']));
    // Written out once here, in the order of the planned list, so that a change to editorLocales shows.
    expect(editorUiLocales.map((l) => l.code).join(' ')).toBe('en fr es pt de it ru tr ar tl ja');
  });

  it.each([
    ['fr', 'fr'],
    ['FR-ca', 'fr'],
    ['pt-BR', 'pt'],
    ['zh-TW', 'zh-Hant'],
    ['zh-HK', 'zh-Hant'],
    ['zh-CN', 'zh-Hans'],
    ['zh', 'zh-Hans'],
    ['zh-Hant-TW', 'zh-Hant'],
    ['fil', 'tl'],
    ['fil-PH', 'tl'],
    ['no', 'nb'],
    ['nn-NO', 'nb'],
    ['iw', 'he'],
    ['in', 'id'],
    ['sr-Latn', 'sr'],
    ['xx', undefined],
    ['not a tag', undefined],
  ])('match a browser language %s to the served %s', (asked, served) => {
    const all = plannedLocales.map((l) => l.code);
    expect(matchUiLocale(asked, all)).toBe(served);
  });
});
