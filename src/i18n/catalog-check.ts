// Checks interface catalogs against the English source: each language holds exactly the keys of its
// namespaces (supporter, plus editor for editor languages), every message parses as ICU (the parser refuses
// a plural or select without `other`), uses the same arguments and tags as English, and gives every plural
// the categories its language needs (Intl.PluralRules, cardinal and ordinal). Run by `npm run i18n:check`,
// `i18n:merge` and the tests.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import { plannedLocales, sourceLocale } from './locales.js';
import { keysFor } from './namespaces.js';
import type { Catalog } from './translator.js';

export interface CatalogProblem {
  locale: string;
  key: string;
  problem: string;
}

interface Shape {
  args: Set<string>;
  tags: Set<string>;
  plurals: { arg: string; ordinal: boolean; options: string[] }[];
}

function shapeOf(elements: MessageFormatElement[], into?: Shape): Shape {
  const shape = into ?? { args: new Set(), tags: new Set(), plurals: [] };
  for (const el of elements) {
    if (
      el.type === TYPE.argument ||
      el.type === TYPE.number ||
      el.type === TYPE.date ||
      el.type === TYPE.time
    ) {
      shape.args.add(el.value);
    } else if (el.type === TYPE.plural || el.type === TYPE.select) {
      shape.args.add(el.value);
      if (el.type === TYPE.plural) {
        shape.plurals.push({
          arg: el.value,
          ordinal: el.pluralType === 'ordinal',
          options: Object.keys(el.options),
        });
      }
      for (const option of Object.values(el.options)) shapeOf(option.value, shape);
    } else if (el.type === TYPE.tag) {
      shape.tags.add(el.value);
      shapeOf(el.children, shape);
    }
  }
  return shape;
}

function parsed(message: string): Shape | string {
  try {
    return shapeOf(parse(message));
  } catch (error) {
    return (error as Error).message;
  }
}

const integersChecked = 1_000;
const membersCache = new Map<string, Map<string, number[]>>();

/** The integers 0…1000 in each plural category of a language ("one" in Polish: [1]; "zero" in Arabic: [0]). */
function categoryMembers(locale: string, ordinal: boolean): Map<string, number[]> {
  const cacheKey = `${locale}:${ordinal}`;
  let members = membersCache.get(cacheKey);
  if (!members) {
    const rules = new Intl.PluralRules(locale, { type: ordinal ? 'ordinal' : 'cardinal' });
    members = new Map(rules.resolvedOptions().pluralCategories.map((c) => [c, []]));
    for (let n = 0; n <= integersChecked; n++) members.get(rules.select(n))?.push(n);
    membersCache.set(cacheKey, members);
  }
  return members;
}

/**
 * The categories a plural lacks. A category counts as given when its keyword is there or when exact
 * matches cover every number in it (`=0` covers Arabic's "zero"; `=1` does not cover Tagalog's "one",
 * which also holds 2, 3, 5…).
 */
export function missingCategories(locale: string, ordinal: boolean, options: string[]): string[] {
  const exact = new Set(options.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1))));
  const lacking: string[] = [];
  for (const [category, numbers] of categoryMembers(locale, ordinal)) {
    if (options.includes(category)) continue;
    const fractional = category !== 'other' && numbers.length === 0;
    if (fractional || !numbers.every((n) => exact.has(n))) lacking.push(category);
  }
  return lacking;
}

const sorted = (set: Set<string>): string => [...set].sort().join(', ');

/** One thing wrong with a translated message, for callers that explain it in the reader's language. */
export type MessageProblem =
  | { code: 'InvalidIcu'; detail: string }
  | { code: 'Placeholders'; expected: string; got: string }
  | { code: 'Tags'; expected: string; got: string }
  | { code: 'PluralCategories'; arg: string; categories: string };

/** What is wrong with one translated message, measured against its English source (empty when nothing). */
export function messageProblems(locale: string, source: string, message: string): MessageProblem[] {
  const want = parsed(source);
  const got = parsed(message);
  if (typeof got === 'string') return [{ code: 'InvalidIcu', detail: got }];
  const problems: MessageProblem[] = [];
  if (typeof want !== 'string') {
    if (sorted(want.args) !== sorted(got.args))
      problems.push({ code: 'Placeholders', expected: sorted(want.args), got: sorted(got.args) });
    if (sorted(want.tags) !== sorted(got.tags))
      problems.push({ code: 'Tags', expected: sorted(want.tags), got: sorted(got.tags) });
  }
  for (const plural of got.plurals) {
    const lacking = missingCategories(locale, plural.ordinal, plural.options);
    if (lacking.length > 0)
      problems.push({ code: 'PluralCategories', arg: plural.arg, categories: lacking.join(', ') });
  }
  return problems;
}

/** The same, as the lines `i18n:check` and `i18n:merge` print. */
export function checkMessage(locale: string, source: string, message: string): string[] {
  return messageProblems(locale, source, message).map((p) => problemLine(locale, p));
}

function problemLine(locale: string, p: MessageProblem): string {
  if (p.code === 'InvalidIcu') return `invalid ICU: ${p.detail}`;
  if (p.code === 'Placeholders') return `placeholders {${p.got}} differ from {${p.expected}}`;
  if (p.code === 'Tags') return `tags <${p.got}> differ from <${p.expected}>`;
  return `plural {${p.arg}} lacks ${p.categories} (needed in ${locale})`;
}

export interface CheckOptions {
  /** Languages allowed to have a catalog (default: the planned ones). */
  planned?: readonly string[];
}

export function checkCatalogs(catalogs: Map<string, Catalog>, options: CheckOptions = {}): CatalogProblem[] {
  const planned = options.planned ?? plannedLocales.map((l) => l.code);
  const problems: CatalogProblem[] = [];
  const en = catalogs.get(sourceLocale);
  if (!en) return [{ locale: sourceLocale, key: '*', problem: 'source catalog missing' }];
  for (const [key, entry] of Object.entries(en)) {
    if (!entry.description) problems.push({ locale: sourceLocale, key, problem: 'no translator note' });
    for (const problem of checkMessage(sourceLocale, entry.message, entry.message))
      problems.push({ locale: sourceLocale, key, problem });
  }
  for (const [locale, catalog] of catalogs) {
    if (locale === sourceLocale) continue;
    if (!planned.includes(locale)) {
      problems.push({ locale, key: '*', problem: 'not a planned interface language (locales.ts)' });
      continue;
    }
    const wanted = keysFor(locale, Object.keys(en));
    const allowed = new Set(wanted);
    for (const key of wanted) {
      const theirs = catalog[key];
      if (!theirs || typeof theirs.message !== 'string' || theirs.message.trim() === '') {
        problems.push({ locale, key, problem: 'missing' });
        continue;
      }
      for (const problem of checkMessage(locale, en[key]!.message, theirs.message))
        problems.push({ locale, key, problem });
    }
    for (const key of Object.keys(catalog)) {
      if (!(key in en)) problems.push({ locale, key, problem: 'not in the source catalog' });
      else if (!allowed.has(key))
        problems.push({ locale, key, problem: 'editor key in a supporter-only catalog' });
    }
  }
  return problems;
}
