import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeFolder, writeTodo } from './drafting.js';
import { keyState, loadReview, sourceHash } from './review.js';
import { languageStatus, statusTable } from './status.js';
import type { Catalog } from './translator.js';

let root: string;
let dirs: { catalogs: string; reviews: string };
const en: Catalog = {
  'home.title': { message: 'Live campaigns', description: 'Heading of the home page.' },
  'home.count': {
    message: '{count, plural, one {# campaign} other {# campaigns}}',
    description: 'How many.',
  },
  'editor.title': { message: 'Editor', description: 'Name of the editor area.' },
};
const write = (path: string, data: unknown) => writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

beforeEach(() => {
  root = mkdtempSync(`${tmpdir()}/outcry-i18n-`);
  dirs = { catalogs: `${root}/locales`, reviews: `${root}/review` };
  mkdirSync(dirs.catalogs);
  mkdirSync(dirs.reviews);
  write(`${dirs.catalogs}/en.json`, en);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('drafting interface strings', () => {
  it('lists what a new language lacks, merges the drafts, records the drafter, and reviews nothing', () => {
    expect(writeTodo(`${root}/todo`, ['en', 'pl', 'ar'], dirs)).toEqual([
      { locale: 'pl', keys: 2 },
      { locale: 'ar', keys: 3 },
    ]);
    const todo = read(`${root}/todo/pl.json`);
    expect(todo).toEqual({
      'home.title': { message: '', english: 'Live campaigns', description: 'Heading of the home page.' },
      'home.count': { message: '', english: en['home.count']!.message, description: 'How many.' },
    });
    todo['home.count'].message =
      '{count, plural, one {# kampania} few {# kampanie} many {# kampanii} other {# kampanii}}';
    todo['home.title'].message = 'Trwające kampanie';
    write(`${root}/todo/pl.json`, todo);
    rmSync(`${root}/todo/ar.json`);

    const [report] = mergeFolder(`${root}/todo`, 'Ola', dirs);
    expect(report).toEqual({ locale: 'pl', merged: 2, unchanged: 0, refused: [] });
    const catalog = read(`${dirs.catalogs}/pl.json`);
    expect(Object.keys(catalog)).toEqual(['home.title', 'home.count']);
    expect(catalog['home.title']).toEqual({ message: 'Trwające kampanie' });
    const review = loadReview('pl', dirs.reviews)!;
    expect(review.draftedBy).toEqual(['Ola']);
    expect(review.reviewed).toEqual({});
    expect(keyState('home.title', en, catalog, review)).toBe('drafted');
    expect(writeTodo(`${root}/todo2`, ['pl'], dirs)).toEqual([]);
  });

  it('refuses drafts that break ICU, drop a placeholder, lack a plural category or belong to the editor', () => {
    mkdirSync(`${root}/in`);
    write(`${root}/in/pl.json`, {
      'home.title': { message: 'Kampanie {oops' },
      'home.count': { message: '{count, plural, one {# kampania} other {# kampanii}}' },
      'editor.title': { message: 'Redaktor' },
      'home.unknown': { message: 'x' },
    });
    write(`${root}/in/xx.json`, { 'home.title': { message: 'x' } });
    const reports = mergeFolder(`${root}/in`, 'Ola', dirs);
    const pl = reports.find((r) => r.locale === 'pl')!;
    expect(pl.merged).toBe(0);
    expect(pl.refused.map((r) => r.key).sort()).toEqual([
      'editor.title',
      'home.count',
      'home.title',
      'home.unknown',
    ]);
    expect(pl.refused.find((r) => r.key === 'home.count')!.problem).toMatch(/lacks few, many/);
    expect(reports.find((r) => r.locale === 'xx')!.refused[0]!.problem).toMatch(/not a planned/);
    expect(() => readFileSync(`${dirs.catalogs}/pl.json`)).toThrow();
  });

  it('turns a review unreviewed and a draft outdated when the English changes, and lists it again', () => {
    write(`${dirs.catalogs}/sw.json`, { 'home.title': { message: 'Campagnes en cours' } });
    const hash = sourceHash('Live campaigns');
    write(`${dirs.reviews}/sw.json`, {
      draftedBy: ['Anne'],
      drafted: { 'home.title': hash },
      reviewed: { 'home.title': { by: 'Luc', at: '2026-12-01', source: hash } },
    });
    const fr = read(`${dirs.catalogs}/sw.json`);
    expect(keyState('home.title', en, fr, loadReview('sw', dirs.reviews)!)).toBe('reviewed');
    expect(languageStatus('sw', en, fr, loadReview('sw', dirs.reviews)).byNamespace).toEqual({
      supporter: { total: 2, complete: 1, outdated: 0, reviewed: 1 },
    });

    const changed: Catalog = { ...en, 'home.title': { message: 'Campaigns now', description: 'd' } };
    write(`${dirs.catalogs}/en.json`, changed);
    expect(keyState('home.title', changed, fr, loadReview('sw', dirs.reviews)!)).toBe('outdated');
    writeTodo(`${root}/todo`, ['sw'], dirs);
    expect(read(`${root}/todo/sw.json`)['home.title']).toEqual({
      message: '',
      english: 'Campaigns now',
      description: 'd',
      previous: 'Campagnes en cours',
    });

    mkdirSync(`${root}/in`);
    write(`${root}/in/sw.json`, { 'home.title': { message: 'Campagnes du moment' } });
    mergeFolder(`${root}/in`, 'Anne', dirs);
    const review = loadReview('sw', dirs.reviews)!;
    expect(review.draftedBy).toEqual(['Anne']);
    expect(review.reviewed).toEqual({});
    expect(keyState('home.title', changed, read(`${dirs.catalogs}/sw.json`), review)).toBe('drafted');
  });

  it('prints a table of complete and reviewed strings per namespace', () => {
    write(`${dirs.catalogs}/sw.json`, { 'home.title': { message: 'Kampeni zinazoendelea' } });
    const catalogs = new Map<string, Catalog>([
      ['en', en],
      ['sw', read(`${dirs.catalogs}/sw.json`)],
    ]);
    const table = statusTable(catalogs, new Map(), ['en', 'sw']).split('\n');
    expect(table[0]).toMatch(
      /^language\s+supporter complete\s+supporter reviewed\s+editor complete\s+editor reviewed$/,
    );
    expect(table[2]).toMatch(/^en\s+2\/2\s+2\/2\s+1\/1\s+1\/1$/);
    expect(table[3]).toMatch(/^sw\s+1\/2\s+0\/2\s+English\s+-$/);
  });
});
