import { describe, expect, it } from 'vitest';
import { canonicalLocale, directionOf, nativeName } from './locales.js';

describe('locales', () => {
  it('canonicalise casing without alias mapping', () => {
    expect(canonicalLocale('tl')).toBe('tl');
    expect(canonicalLocale('pt-br')).toBe('pt-BR');
    expect(canonicalLocale('SR-latn')).toBe('sr-Latn');
    expect(canonicalLocale('es-419')).toBe('es-419');
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
  });
});
