import { describe, expect, it } from 'vitest';
import { checkCatalogs, checkMessage, missingCategories } from './catalog-check.js';
import { checkReviews, loadReview } from './review.js';
import { type Catalog, loadCatalogs, translatorFor } from './translator.js';

describe('interface catalogs', () => {
  it('are complete and consistent in every shipped language, each with its review record', () => {
    const catalogs = loadCatalogs();
    const reviews = new Map([...catalogs.keys()].map((l) => [l, loadReview(l)]));
    expect(checkCatalogs(catalogs)).toEqual([]);
    expect(checkReviews(catalogs, reviews)).toEqual([]);
  });

  it('catch a missing key, a renamed placeholder, a changed tag, broken ICU, unknown and editor keys', () => {
    const en: Catalog = {
      'home.a': { message: 'Hi {name}', description: 'd' },
      'home.b': { message: 'x', description: 'd' },
      'home.c': { message: 'Read <b>this</b>', description: 'd' },
      'editor.d': { message: 'Editor', description: 'd' },
    };
    const problems = checkCatalogs(
      new Map<string, Catalog>([
        ['en', en],
        [
          'sw',
          {
            'home.a': { message: 'Salut {nom}' },
            'home.c': { message: 'Lis <i>ça</i>' },
            'home.z': { message: 'y' },
          },
        ],
        [
          'nl',
          {
            'home.a': { message: '{name, plural, one {x}}' },
            'home.b': { message: 'y' },
            'home.c': { message: '<b>x</b>' },
            'editor.d': { message: 'E' },
          },
        ],
        ['xx', {}],
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          locale: 'sw',
          key: 'home.a',
          problem: expect.stringMatching(/placeholders/),
        }),
        expect.objectContaining({ locale: 'sw', key: 'home.b', problem: 'missing' }),
        expect.objectContaining({ locale: 'sw', key: 'home.c', problem: expect.stringMatching(/tags/) }),
        expect.objectContaining({ locale: 'sw', key: 'home.z', problem: 'not in the source catalog' }),
        expect.objectContaining({
          locale: 'nl',
          key: 'home.a',
          problem: expect.stringMatching(/invalid ICU/),
        }),
        expect.objectContaining({
          locale: 'nl',
          key: 'editor.d',
          problem: expect.stringMatching(/editor key/),
        }),
        expect.objectContaining({ locale: 'xx', problem: expect.stringMatching(/not a planned/) }),
      ]),
    );
    // An editor language must hold the editor keys too; a supporter-only one must not be asked for them.
    expect(problems).toContainEqual({ locale: 'sw', key: 'home.b', problem: 'missing' });
    expect(problems.filter((p) => p.key === 'editor.d' && p.problem === 'missing')).toEqual([]);
    const ar = checkCatalogs(
      new Map<string, Catalog>([
        ['en', en],
        ['ar', {}],
      ]),
    );
    expect(ar).toContainEqual({ locale: 'ar', key: 'editor.d', problem: 'missing' });
  });

  it('ask every plural for the categories its language needs', () => {
    const en = '{count, plural, one {# supporter} other {# supporters}}';
    expect(checkMessage('pl', en, '{count, plural, one {# osoba} other {# osoby}}')).toEqual([
      'plural {count} lacks few, many (needed in pl)',
    ]);
    expect(
      checkMessage('pl', en, '{count, plural, one {# osoba} few {# osoby} many {# osób} other {# osoby}}'),
    ).toEqual([]);
    // Arabic's "zero" holds only 0: an exact =0 gives it; Tagalog's "one" holds 2, 3, 5…: =1 does not.
    expect(missingCategories('ar', false, ['=0', 'one', 'two', 'few', 'many', 'other'])).toEqual([]);
    expect(missingCategories('ar', false, ['one', 'two', 'few', 'many', 'other'])).toEqual(['zero']);
    expect(missingCategories('tl', false, ['=1', 'other'])).toEqual(['one']);
    // Czech "many" holds fractions only: still needed.
    expect(missingCategories('cs', false, ['one', 'few', 'other'])).toEqual(['many']);
    // Ordinals have their own categories.
    const place = '{n, selectordinal, one {#st} two {#nd} few {#rd} other {#th}}';
    expect(checkMessage('en', place, '{n, selectordinal, one {#st} other {#th}}')).toEqual([
      'plural {n} lacks two, few (needed in en)',
    ]);
    expect(checkMessage('en', place, place)).toEqual([]);
    expect(checkMessage('sw', en, '{count, select, a {x}}')).toEqual(['invalid ICU: MISSING_OTHER_CLAUSE']);
  });
});

describe('translator', () => {
  it('formats plurals per language rules', () => {
    expect(translatorFor('en').t('home.supporters', { count: 1 })).toBe('1 supporter');
    expect(translatorFor('en').t('home.supporters', { count: 7012 })).toBe('7,012 supporters');
    expect(translatorFor('ar').t('home.supporters', { count: 2 })).toBe('مؤيدان');
    expect(translatorFor('ar').dir).toBe('rtl');
  });

  it('falls back to English for a language without an interface catalog', () => {
    const tr = translatorFor('eo-XX');
    expect(tr.locale).toBe('en');
    expect(tr.t('campaign.closed')).toBe('This campaign is closed.');
  });

  it('shows the editor area in English, key by key, in a language that carries supporter strings only', () => {
    const supporterOnly = loadCatalogs();
    const [code] = [...supporterOnly.keys()].filter((l) => !['en', 'ar', 'tl'].includes(l));
    if (!code) throw new Error('no supporter-only catalog shipped');
    const tr = translatorFor(code);
    expect(tr.locale).toBe(code);
    expect(tr.t('editor.title')).toBe(translatorFor('en').t('editor.title'));
    expect(tr.t('campaign.closed')).toBe(supporterOnly.get(code)!['campaign.closed']!.message);
  });
});
