// Plural forms in the languages whose rules trip people up: Polish, Russian, Slovenian and Arabic. The
// rules come from Intl.PluralRules (CLDR); these tests pin them down and check that each shipped catalog
// gives a count noun a different form per category (a copied branch or a missing one fails).
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { type Catalog, loadCatalogs, translatorFor } from './translator.js';

/** One number per category, chosen where people go wrong (21 and 22 in Russian, 102 and 103 in Slovenian). */
const samples: Record<string, Record<string, number>> = {
  pl: { one: 1, few: 22, many: 25 },
  ru: { one: 21, few: 22, many: 25 },
  sl: { one: 101, two: 102, few: 103, other: 105 },
  ar: { one: 1, two: 2, few: 3, many: 11 },
};

/** Every number of a category, per language, as CLDR defines them (other: fractions in Polish and Russian). */
const rules: Record<string, [number, string][]> = {
  pl: [
    [1, 'one'],
    [2, 'few'],
    [4, 'few'],
    [22, 'few'],
    [5, 'many'],
    [12, 'many'],
    [14, 'many'],
    [0, 'many'],
    [112, 'many'],
    [1.5, 'other'],
  ],
  ru: [
    [1, 'one'],
    [21, 'one'],
    [101, 'one'],
    [11, 'many'],
    [2, 'few'],
    [34, 'few'],
    [12, 'many'],
    [25, 'many'],
    [0, 'many'],
    [1.5, 'other'],
  ],
  sl: [
    [1, 'one'],
    [101, 'one'],
    [2, 'two'],
    [102, 'two'],
    [3, 'few'],
    [4, 'few'],
    [104, 'few'],
    [5, 'other'],
    [0, 'other'],
    [11, 'other'],
  ],
  ar: [
    [0, 'zero'],
    [1, 'one'],
    [2, 'two'],
    [3, 'few'],
    [10, 'few'],
    [103, 'few'],
    [11, 'many'],
    [99, 'many'],
    [100, 'other'],
    [102, 'other'],
  ],
};

/** Messages that count a noun: every category a language distinguishes needs its own form there. */
const countNouns = [
  'home.supporters',
  'campaign.supporters',
  'thanks.delivery',
  'form.errors.summary',
  'letter.digest.subject',
];

/** The forms a catalog gives each sample, with the number itself replaced by # so only the words compare. */
function formsOf(locale: string, catalog: Catalog, key: string): Map<string, string> {
  const mf = new IntlMessageFormat(catalog[key]!.message, locale);
  const number = new Intl.NumberFormat(locale);
  return new Map(
    Object.entries(samples[locale]!).map(([category, n]) => [
      category,
      String(mf.format({ count: n, countries: 1, since: '1 May' })).replaceAll(number.format(n), '#'),
    ]),
  );
}

function samePluralForms(locale: string, catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const key of countNouns) {
    const forms = formsOf(locale, catalog, key);
    const seen = new Map<string, string>();
    for (const [category, text] of forms) {
      const earlier = seen.get(text);
      if (earlier) problems.push(`${key}: "${text}" for both ${earlier} and ${category}`);
      seen.set(text, category);
    }
  }
  return problems;
}

describe('plural rules', () => {
  it.each(Object.keys(rules))('pick the CLDR category for each number in %s', (locale) => {
    const pr = new Intl.PluralRules(locale);
    expect(rules[locale]!.map(([n]) => [n, pr.select(n)])).toEqual(rules[locale]);
    for (const [category, n] of Object.entries(samples[locale]!)) expect(pr.select(n)).toBe(category);
  });

  const catalogs = loadCatalogs();
  const shipped = Object.keys(samples).filter((l) => catalogs.has(l));

  it.each(shipped)('give a count noun its own form per category in the %s catalog', (locale) => {
    expect(samePluralForms(locale, catalogs.get(locale)!)).toEqual([]);
  });

  it('catch a catalog whose plural copies one form into every category, or lacks one', () => {
    const copied = Object.fromEntries(
      countNouns.map((k) => [
        k,
        { message: '{count, plural, one {# osoba} few {# osoby} many {# osoby} other {# osoby}}' },
      ]),
    );
    expect(samePluralForms('pl', copied)).toContainEqual('home.supporters: "# osoby" for both few and many');
    const lacking = Object.fromEntries(
      countNouns.map((k) => [k, { message: '{count, plural, one {# человек} other {# человека}}' }]),
    );
    expect(samePluralForms('ru', lacking).length).toBeGreaterThan(0);
  });

  it('format the Arabic counts in their six forms', () => {
    const ar = translatorFor('ar');
    const n = (x: number) => ar.number(x);
    expect([0, 1, 2, 3, 11, 100].map((count) => ar.t('home.supporters', { count }))).toEqual([
      'لا يوجد مؤيدون بعد',
      'مؤيد واحد',
      'مؤيدان',
      `${n(3)} مؤيدين`,
      `${n(11)} مؤيدًا`,
      `${n(100)} مؤيد`,
    ]);
    expect(ar.t('thanks.delivery', { count: 0 })).toBe('لن تُرسل رسالتك إلى أي عنوان.');
    expect(ar.t('form.errors.summary', { count: 2 })).toBe('يُرجى تصحيح مشكلتين أدناه.');
  });

  it.runIf(catalogs.has('ru'))('format the Russian counts for 1, 21, 22, 25 and 11', () => {
    const ru = translatorFor('ru');
    const forms = [1, 21, 22, 25, 11].map((count) =>
      ru.t('home.supporters', { count }).replace(/[\d\s]+/, '# '),
    );
    expect(forms[0]).toBe(forms[1]);
    expect(new Set([forms[1], forms[2], forms[3]]).size).toBe(3);
    expect(forms[4]).toBe(forms[3]);
  });
});
