// The shipped catalogs as the in-app review of interface strings sees them (decision 0036): each served
// language's strings beside English with the translators' notes and the repository's review record, the
// catalog check in structured form, and the files a language exports with its stored corrections applied
// (the catalog and its review record, byte for byte in the repository's shape).
import type {
  InterfaceCatalogs,
  InterfaceOverride,
  MessageProblem,
  ShippedString,
} from '../domain/interface-strings/interface-strings.ports.js';
import { type MessageProblem as CheckProblem, messageProblems } from './catalog-check.js';
import { sourceLocale } from './locales.js';
import { keysFor, namespaceOf } from './namespaces.js';
import { type CatalogReview, emptyReview, keyState, loadReview, reviewText, sourceHash } from './review.js';
import { type Catalog, isUiLocale, shippedCatalogs } from './translator.js';

const stringsCache = new Map<string, readonly ShippedString[]>();
const reviews = new Map<string, CatalogReview>();

function reviewOf(locale: string): CatalogReview {
  let review = reviews.get(locale);
  if (!review) {
    review = loadReview(locale) ?? emptyReview();
    reviews.set(locale, review);
  }
  return review;
}

const english = (): Catalog => shippedCatalogs().get(sourceLocale) ?? {};

function stringsOf(locale: string): readonly ShippedString[] | undefined {
  if (locale === sourceLocale || !isUiLocale(locale)) return undefined;
  let strings = stringsCache.get(locale);
  if (!strings) {
    const en = english();
    const catalog = shippedCatalogs().get(locale) ?? {};
    const review = reviewOf(locale);
    strings = keysFor(locale, Object.keys(en)).map((key) => ({
      key,
      namespace: namespaceOf(key),
      english: en[key]!.message,
      description: en[key]!.description ?? '',
      shipped: catalog[key]?.message ?? en[key]!.message,
      shippedReviewed: keyState(key, en, catalog, review) === 'reviewed',
    }));
    stringsCache.set(locale, strings);
  }
  return strings;
}

/** The check's findings without the parser's English detail: the board explains them in the reader's language. */
function forReaders(p: CheckProblem): MessageProblem {
  if (p.code === 'InvalidIcu') return { code: p.code };
  if (p.code === 'PluralCategories') return { code: p.code, categories: p.categories };
  return { code: p.code, expected: p.expected };
}

export const interfaceCatalogs: InterfaceCatalogs = {
  strings: stringsOf,
  check: (locale, source, message) => messageProblems(locale, source, message).map(forReaders),
  hash: sourceHash,
};

/** The language's catalog file with the corrections applied, as `src/i18n/locales/<code>.json` holds it. */
export function catalogFileWith(locale: string, overrides: readonly InterfaceOverride[]): string {
  const shipped = shippedCatalogs().get(locale) ?? {};
  const corrected = new Map(overrides.flatMap((o) => (o.message === null ? [] : [[o.key, o.message]])));
  const out: Catalog = {};
  for (const key of keysFor(locale, Object.keys(english()))) {
    const message = corrected.get(key) ?? shipped[key]?.message;
    if (message !== undefined) out[key] = { ...shipped[key], message };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * The review record to commit beside that catalog: a correction counts as drafted from the English it was
 * written against, by its author; a stored review replaces the repository's, and a correction not marked
 * reviewed removes the old review (the text it vouched for is gone).
 */
export function reviewFileWith(locale: string, overrides: readonly InterfaceOverride[]): string {
  const base = reviewOf(locale);
  const review: CatalogReview = {
    draftedBy: [...base.draftedBy],
    drafted: { ...base.drafted },
    reviewed: { ...base.reviewed },
  };
  for (const o of overrides) {
    const who = o.updatedBy ?? 'a volunteer';
    if (o.message !== null) {
      review.drafted[o.key] = o.sourceHash;
      if (!review.draftedBy.includes(who)) review.draftedBy.push(who);
    }
    if (o.reviewedAt !== null)
      review.reviewed[o.key] = {
        by: who,
        at: new Date(o.reviewedAt).toISOString().slice(0, 10),
        source: o.sourceHash,
      };
    else delete review.reviewed[o.key];
  }
  return reviewText(review, english());
}
