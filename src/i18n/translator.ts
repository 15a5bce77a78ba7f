// Interface strings: ICU MessageFormat catalogs (English is the source), one translator per request.
// Catalogs use the Chrome/WebExtension JSON shape ({ key: { message, description } }) that translation
// tools import and export; descriptions are the notes for translators. Volunteers' corrections made in the
// app (decision 0036) are laid over the shipped catalogs by `applyInterfaceOverrides`, without a restart.
import { readdirSync, readFileSync } from 'node:fs';
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { localesDir } from '../config/paths.js';
import { directionOf, sourceLocale, uiLocales } from './locales.js';

type SourceCatalog = typeof import('./locales/en.json', { with: { type: 'json' }});
export type StringKey = keyof SourceCatalog;
export type MessageValues = Record<string, PrimitiveType>;

export interface CatalogEntry {
  message: string;
  description?: string;
}
export type Catalog = Record<string, CatalogEntry>;

export interface Translator {
  readonly locale: string;
  readonly dir: 'ltr' | 'rtl';
  t(key: StringKey, values?: MessageValues): string;
  /** Whether this language's catalog has its own text for the key (else `t` gives the English one). */
  has(key: StringKey): boolean;
  /** Locale-aware number formatting (grouping, digits). */
  number(n: number): string;
  date(ms: number, style?: 'medium' | 'long'): string;
  /** "A, B and C" in the interface language; each item bidi-isolated so Latin names stay whole in RTL text. */
  list(items: string[]): string;
  /** Name of a language in the interface language ("Tagalog" in English, "Tagalog" in Tagalog). */
  languageName(tag: string): string;
  /** Changes whenever this language's corrections change: caches of rendered pages include it in their keys. */
  readonly revision: number;
}

export function loadCatalogs(dir = localesDir): Map<string, Catalog> {
  const out = new Map<string, Catalog>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
    out.set(file.slice(0, -5), JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as Catalog);
  }
  return out;
}

/** Wraps text in First Strong Isolate … Pop Directional Isolate: its direction cannot leak into the sentence. */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

const catalogs = loadCatalogs();
const compiled = new Map<string, IntlMessageFormat>();
const translators = new Map<string, Translator>();

/** The shipped catalogs as read at start (English and every served language). */
export const shippedCatalogs = (): ReadonlyMap<string, Catalog> => catalogs;

/** Stored corrections per language and key, validated when stored (decision 0036). */
export type InterfaceOverrides = ReadonlyMap<string, ReadonlyMap<string, string>>;
let overrides: InterfaceOverrides = new Map();
const revisions = new Map<string, number>();
let lastRevision = 0;

/**
 * Replaces the corrections laid over the shipped catalogs. Only the languages whose corrections changed
 * lose their compiled messages and get a new revision, so other languages' cached pages stay valid.
 */
export function applyInterfaceOverrides(next: InterfaceOverrides): void {
  const locales = new Set([...overrides.keys(), ...next.keys()]);
  for (const locale of locales) {
    const before = overrides.get(locale);
    const after = next.get(locale);
    const same =
      (before?.size ?? 0) === (after?.size ?? 0) &&
      [...(after ?? new Map<string, string>())].every(([k, v]) => before?.get(k) === v);
    if (same) continue;
    for (const cacheKey of compiled.keys())
      if (cacheKey.startsWith(`${locale}\u0000`)) compiled.delete(cacheKey);
    revisions.set(locale, ++lastRevision);
  }
  overrides = next;
}

function format(locale: string, key: string, values?: MessageValues): string {
  const cacheKey = `${locale}\u0000${key}`;
  let mf = compiled.get(cacheKey);
  if (!mf) {
    const corrected = overrides.get(locale)?.get(key);
    // A key missing in a locale falls back to English rather than showing the key (i18n:check catches it).
    const localized = corrected !== undefined ? { message: corrected } : catalogs.get(locale)?.[key];
    const entry = localized ?? catalogs.get(sourceLocale)?.[key];
    if (!entry) return key;
    mf = new IntlMessageFormat(entry.message, localized ? locale : sourceLocale);
    compiled.set(cacheKey, mf);
  }
  return String(mf.format(values));
}

export function isUiLocale(tag: string): boolean {
  return uiLocales.some((l) => l.code === tag);
}

export function translatorFor(locale: string): Translator {
  const code = isUiLocale(locale) ? locale : sourceLocale;
  let tr = translators.get(code);
  if (tr) return tr;
  const numberFormat = new Intl.NumberFormat(code);
  const listFormat = new Intl.ListFormat(code, { type: 'conjunction' });
  const names = new Intl.DisplayNames([code], { type: 'language', fallback: 'code' });
  tr = {
    locale: code,
    dir: directionOf(code),
    t: (key, values) => format(code, key, values),
    has: (key) => catalogs.get(code)?.[key] !== undefined || overrides.get(code)?.has(key) === true,
    number: (n) => numberFormat.format(n),
    date: (ms, style = 'long') =>
      new Intl.DateTimeFormat(code, { dateStyle: style, timeZone: 'UTC' }).format(ms),
    list: (items) => listFormat.format(items.map(isolate)),
    languageName: (tag) => names.of(tag) ?? tag,
    get revision() {
      return revisions.get(code) ?? 0;
    },
  };
  translators.set(code, tr);
  return tr;
}
