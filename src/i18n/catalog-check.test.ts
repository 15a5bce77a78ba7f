import { describe, expect, it } from 'vitest';
import { checkCatalogs } from './catalog-check.js';
import { type Catalog, loadCatalogs, translatorFor } from './translator.js';

describe('interface catalogs', () => {
  it('are complete and consistent in every shipped language', () => {
    expect(checkCatalogs(loadCatalogs())).toEqual([]);
  });

  it('catch a missing key, a renamed placeholder, a broken plural and an unknown key', () => {
    const en = { a: { message: 'Hi {name}', description: 'd' }, b: { message: 'x', description: 'd' } };
    const fr = {
      a: { message: 'Salut {nom}' },
      c: { message: 'y' },
    };
    const problems = checkCatalogs(
      new Map<string, Catalog>([
        ['en', en],
        ['fr', fr],
        ['de', { a: { message: '{name, plural, one {x}}' }, b: { message: 'y' } }],
      ]),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ locale: 'fr', key: 'a', problem: expect.stringMatching(/placeholders/) }),
        expect.objectContaining({ locale: 'fr', key: 'b', problem: 'missing' }),
        expect.objectContaining({ locale: 'fr', key: 'c', problem: 'not in the source catalog' }),
        expect.objectContaining({ locale: 'de', key: 'a', problem: expect.stringMatching(/invalid ICU/) }),
      ]),
    );
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
    const tr = translatorFor('eo');
    expect(tr.locale).toBe('en');
    expect(tr.t('campaign.closed')).toBe('This campaign is closed.');
  });
});
