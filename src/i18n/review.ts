// Who drafted each interface catalog and which of its strings a volunteer has reviewed, kept beside the
// catalogs in review/<locale>.json (decision 0025). Each drafted and each reviewed string records a short
// hash of the English it was made from: when the English changes, the draft shows as outdated and the
// review no longer counts. The public site ignores all of this; `npm run i18n:status` and the review
// board read it.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { reviewDir } from '../config/paths.js';
import { sourceLocale } from './locales.js';
import type { Catalog } from './translator.js';

export interface KeyReview {
  /** Who reviewed it (a volunteer's name or account). */
  by: string;
  /** When (ISO date). */
  at: string;
  /** Hash of the English message reviewed against. */
  source: string;
}

export interface CatalogReview {
  /** Everyone who drafted strings of this catalog, first drafter first. */
  draftedBy: string[];
  /** Per key: hash of the English message its current translation was drafted from. */
  drafted: Record<string, string>;
  /** Per key: the review that still counts while the English is unchanged. */
  reviewed: Record<string, KeyReview>;
}

/** A short hash of an English message: enough to notice that it changed. */
export function sourceHash(message: string): string {
  return createHash('sha256').update(message).digest('hex').slice(0, 10);
}

export const emptyReview = (): CatalogReview => ({ draftedBy: [], drafted: {}, reviewed: {} });

export function reviewPath(locale: string, dir = reviewDir): string {
  return `${dir}/${locale}.json`;
}

export function loadReview(locale: string, dir = reviewDir): CatalogReview | undefined {
  const file = reviewPath(locale, dir);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as CatalogReview;
}

/** The review record as its file holds it: keys in the English catalog's order, so diffs stay small. */
export function reviewText(review: CatalogReview, en: Catalog): string {
  const ordered = <T>(map: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.keys(en).flatMap((k) => (k in map ? [[k, map[k] as T]] : [])));
  // The drafters on one line, as the formatter (Biome) keeps short arrays; then the per-key records.
  const drafters = review.draftedBy.map((d) => JSON.stringify(d)).join(', ');
  const rest = JSON.stringify(
    { drafted: ordered(review.drafted), reviewed: ordered(review.reviewed) },
    null,
    2,
  );
  return `{\n  "draftedBy": [${drafters}],\n${rest.slice(2)}\n`;
}

export function saveReview(locale: string, review: CatalogReview, en: Catalog, dir = reviewDir): void {
  writeFileSync(reviewPath(locale, dir), reviewText(review, en));
}

export type KeyState = 'missing' | 'outdated' | 'drafted' | 'reviewed';

/** Where one key of one language stands against today's English. */
export function keyState(key: string, en: Catalog, catalog: Catalog, review: CatalogReview): KeyState {
  const english = en[key]?.message;
  if (english === undefined || !catalog[key]?.message) return 'missing';
  const hash = sourceHash(english);
  if (review.drafted[key] !== undefined && review.drafted[key] !== hash) return 'outdated';
  return review.reviewed[key]?.source === hash ? 'reviewed' : 'drafted';
}

/** Problems with the review files themselves (a catalog without one, a key no catalog has). */
export function checkReviews(
  catalogs: Map<string, Catalog>,
  reviews: Map<string, CatalogReview | undefined>,
): { locale: string; key: string; problem: string }[] {
  const problems: { locale: string; key: string; problem: string }[] = [];
  for (const [locale, catalog] of catalogs) {
    if (locale === sourceLocale) continue;
    const review = reviews.get(locale);
    if (!review) {
      problems.push({ locale, key: '*', problem: 'no review file: who drafted it is not recorded' });
      continue;
    }
    if (review.draftedBy.length === 0) problems.push({ locale, key: '*', problem: 'no drafter named' });
    for (const key of [...Object.keys(review.drafted), ...Object.keys(review.reviewed)]) {
      if (!(key in catalog))
        problems.push({ locale, key, problem: 'recorded in the review file but not in the catalog' });
    }
  }
  return problems;
}
