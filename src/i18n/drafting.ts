// The one step for a new or changed English string: `npm run i18n:todo` writes, per language, the strings
// it lacks or whose English changed (with the English and the note for translators) into a folder for a
// drafter; `npm run i18n:merge <folder> "<drafter>"` checks the drafted files and merges them into the
// catalogs, in English key order, recorded as drafted and not yet reviewed (decision 0025).
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { localesDir, reviewDir } from '../config/paths.js';
import { checkMessage } from './catalog-check.js';
import { plannedLocales, sourceLocale } from './locales.js';
import { keysFor } from './namespaces.js';
import { type CatalogReview, emptyReview, keyState, loadReview, saveReview, sourceHash } from './review.js';
import type { Catalog } from './translator.js';

/** One string to draft: `message` is left empty for the drafter; the rest is what they need to know. */
export interface TodoEntry {
  message: string;
  english: string;
  description: string;
  /** The translation made from an earlier English text, when there is one. */
  previous?: string;
}

export function todoFor(
  locale: string,
  en: Catalog,
  catalog: Catalog,
  review: CatalogReview,
): Record<string, TodoEntry> {
  const todo: Record<string, TodoEntry> = {};
  for (const key of keysFor(locale, Object.keys(en))) {
    const state = keyState(key, en, catalog, review);
    if (state !== 'missing' && state !== 'outdated') continue;
    const source = en[key]!;
    todo[key] = { message: '', english: source.message, description: source.description ?? '' };
    if (state === 'outdated') todo[key].previous = catalog[key]!.message;
  }
  return todo;
}

export interface Dirs {
  catalogs: string;
  reviews: string;
}
const defaultDirs: Dirs = { catalogs: localesDir, reviews: reviewDir };

function readCatalog(file: string): Catalog {
  return JSON.parse(readFileSync(file, 'utf8')) as Catalog;
}

/** Writes `<folder>/<locale>.json` for every language with something to draft; returns what it wrote. */
export function writeTodo(folder: string, locales: readonly string[], dirs: Dirs = defaultDirs) {
  const en = readCatalog(`${dirs.catalogs}/${sourceLocale}.json`);
  mkdirSync(folder, { recursive: true });
  const written: { locale: string; keys: number }[] = [];
  for (const locale of locales) {
    if (locale === sourceLocale) continue;
    const file = `${dirs.catalogs}/${locale}.json`;
    const catalog = existsSync(file) ? readCatalog(file) : {};
    const todo = todoFor(locale, en, catalog, loadReview(locale, dirs.reviews) ?? emptyReview());
    const keys = Object.keys(todo).length;
    if (keys === 0) continue;
    writeFileSync(`${folder}/${locale}.json`, `${JSON.stringify(todo, null, 2)}\n`);
    written.push({ locale, keys });
  }
  return written;
}

export interface MergeReport {
  locale: string;
  merged: number;
  unchanged: number;
  refused: { key: string; problem: string }[];
}

/** Merges one language's drafted strings into its catalog and review record (both returned, not written). */
export function mergeDraft(
  locale: string,
  drafted: Record<string, { message?: unknown }>,
  en: Catalog,
  catalog: Catalog,
  review: CatalogReview,
  drafter: string,
): { catalog: Catalog; review: CatalogReview; report: MergeReport } {
  const report: MergeReport = { locale, merged: 0, unchanged: 0, refused: [] };
  const allowed = new Set(keysFor(locale, Object.keys(en)));
  const next: Catalog = { ...catalog };
  const nextReview: CatalogReview = {
    draftedBy: review.draftedBy.includes(drafter) ? review.draftedBy : [...review.draftedBy, drafter],
    drafted: { ...review.drafted },
    reviewed: { ...review.reviewed },
  };
  for (const [key, entry] of Object.entries(drafted)) {
    const message = entry?.message;
    if (typeof message !== 'string' || message.trim() === '') continue; // left for later: stays in the todo
    if (!(key in en)) {
      report.refused.push({ key, problem: 'not in the source catalog' });
      continue;
    }
    if (!allowed.has(key)) {
      report.refused.push({
        key,
        problem: 'an editor string; this language carries the supporter strings only',
      });
      continue;
    }
    const problems = checkMessage(locale, en[key]!.message, message);
    if (problems.length > 0) {
      report.refused.push({ key, problem: problems.join('; ') });
      continue;
    }
    const hash = sourceHash(en[key]!.message);
    if (next[key]?.message === message && nextReview.drafted[key] === hash) {
      report.unchanged++;
      continue;
    }
    next[key] = { message };
    nextReview.drafted[key] = hash;
    delete nextReview.reviewed[key];
    report.merged++;
  }
  const ordered: Catalog = Object.fromEntries(
    Object.keys(en).flatMap((k) => (next[k] ? [[k, next[k]]] : [])),
  );
  return { catalog: ordered, review: nextReview, report };
}

/** Merges every `<locale>.json` of a folder; writes catalogs and review records; returns one report each. */
export function mergeFolder(folder: string, drafter: string, dirs: Dirs = defaultDirs): MergeReport[] {
  const en = readCatalog(`${dirs.catalogs}/${sourceLocale}.json`);
  const planned = plannedLocales.map((l) => l.code);
  const reports: MergeReport[] = [];
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const locale = file.slice(0, -'.json'.length);
    if (locale === sourceLocale) continue;
    if (!planned.includes(locale)) {
      reports.push({
        locale,
        merged: 0,
        unchanged: 0,
        refused: [{ key: '*', problem: 'not a planned language (locales.ts)' }],
      });
      continue;
    }
    let drafted: Record<string, { message?: unknown }>;
    try {
      drafted = JSON.parse(readFileSync(`${folder}/${file}`, 'utf8')) as Record<
        string,
        { message?: unknown }
      >;
    } catch (error) {
      reports.push({
        locale,
        merged: 0,
        unchanged: 0,
        refused: [{ key: '*', problem: `not JSON: ${(error as Error).message}` }],
      });
      continue;
    }
    const catalogFile = `${dirs.catalogs}/${locale}.json`;
    const catalog = existsSync(catalogFile) ? readCatalog(catalogFile) : {};
    const review = loadReview(locale, dirs.reviews) ?? emptyReview();
    const result = mergeDraft(locale, drafted, en, catalog, review, drafter);
    reports.push(result.report);
    if (result.report.merged === 0) continue;
    writeFileSync(catalogFile, `${JSON.stringify(result.catalog, null, 2)}\n`);
    mkdirSync(dirs.reviews, { recursive: true });
    saveReview(locale, result.review, en, dirs.reviews);
  }
  return reports;
}
