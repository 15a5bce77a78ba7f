// The interface languages: the 53 Outcry plans (one list, with script direction), the ones it serves (those
// whose catalog file exists, derived, never a second list) and the ones whose catalogs also carry the editor
// area. Campaign content can exist in any language (BCP 47 tag); the interface falls back to English.
import { existsSync } from 'node:fs';
import { localesDir } from '../config/paths.js';

export interface UiLocale {
  code: string;
  dir: 'ltr' | 'rtl';
}

// Scripts written right to left (campaign content may be in Pashto or Yiddish too).
const rtlLanguages = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/**
 * Every interface language Outcry plans to ship, in the order of the language menu, with its script
 * direction (right to left: ar fa ur he). To add a language: put its code here, then bring its catalog
 * (`npm run i18n:todo`, draft, `npm run i18n:merge`: decision 0025 and the README).
 */
export const plannedLocales: readonly UiLocale[] = (
  'en fr es pt de it nl nb sv da fi et lv lt pl cs sk hu ro bg el sr hr sl ru uk be ka hy az kk tr ' +
  'ar fa ur he hi bn ne si id ms vi th km tl zh-Hans zh-Hant ja ko sw yo eo'
)
  .split(' ')
  .map((code) => ({ code, dir: directionOf(code) }));

export const sourceLocale = 'en';

/**
 * Languages whose catalogs hold the editor area's strings too (every key of en.json). Every other served
 * language carries the supporter namespace only, and the editor area shows English in it, key by key.
 */
export const editorLocales: readonly string[] = [
  'en',
  'fr',
  'es',
  'pt',
  'de',
  'it',
  'ru',
  'tr',
  'ar',
  'ja',
  'tl',
];

/** The languages the site serves: the planned ones whose catalog file exists. */
export const uiLocales: readonly UiLocale[] = plannedLocales.filter((l) =>
  existsSync(`${localesDir}/${l.code}.json`),
);

/** The served languages that carry the editor area too (its own language menu lists only these). */
export const editorUiLocales: readonly UiLocale[] = uiLocales.filter((l) => editorLocales.includes(l.code));

/** Direction of any language tag, UI-supported or not (campaign content may be in Pashto or Yiddish). */
export function directionOf(tag: string): 'ltr' | 'rtl' {
  return rtlLanguages.has(tag.split('-')[0]!.toLowerCase()) ? 'rtl' : 'ltr';
}

/**
 * Accepts only well-formed language tags and returns their canonical casing (`pt-br` → `pt-BR`,
 * `sr-latn` → `sr-Latn`), or undefined. Deliberately not Intl.getCanonicalLocales: its alias mapping turns
 * `tl` into `fil`, and Tagalog URLs must stay /tl/.
 */
const canonicalCache = new Map<string, string | undefined>();

export function canonicalLocale(tag: string): string | undefined {
  if (canonicalCache.has(tag)) return canonicalCache.get(tag);
  const result = computeCanonical(tag);
  // Bounded: tags come from URLs and cookies, which anyone can vary.
  if (canonicalCache.size > 1_000) canonicalCache.clear();
  canonicalCache.set(tag, result);
  return result;
}

function computeCanonical(tag: string): string | undefined {
  if (!/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8}){0,2}$/.test(tag)) return undefined;
  const [language, ...rest] = tag.split('-');
  const parts = [language!.toLowerCase()];
  for (const p of rest) {
    if (/^[a-zA-Z]{4}$/.test(p)) parts.push(p[0]!.toUpperCase() + p.slice(1).toLowerCase());
    else if (/^([a-zA-Z]{2}|\d{3})$/.test(p)) parts.push(p.toUpperCase());
    else return undefined;
  }
  try {
    new Intl.Locale(parts.join('-'));
  } catch {
    return undefined;
  }
  return parts.join('-');
}

/** The language's own name for itself ("Tagalog", "العربية"), for language switchers. */
const nativeNames = new Map<string, string>();

export function nativeName(tag: string): string {
  let name = nativeNames.get(tag);
  if (name === undefined) {
    name = computeNativeName(tag);
    nativeNames.set(tag, name);
  }
  return name;
}

function computeNativeName(tag: string): string {
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (!name || name === tag) return tag;
    return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    return tag;
  }
}

/** Old or alternative codes that browsers send for a language we serve under another code. */
const aliases: Record<string, string> = { fil: 'tl', no: 'nb', nn: 'nb', iw: 'he', in: 'id', zsm: 'ms' };

const likely = new Map<string, { language: string; script: string }>();

/** Language and likely script of a tag (`zh-TW` → zh, Hant; `sr` → sr, Cyrl), or undefined if malformed. */
function languageAndScript(tag: string): { language: string; script: string } | undefined {
  let found = likely.get(tag);
  if (!found) {
    try {
      const max = new Intl.Locale(tag).maximize();
      found = { language: aliases[max.language] ?? max.language, script: max.script ?? '' };
    } catch {
      return undefined;
    }
    if (likely.size > 1_000) likely.clear();
    likely.set(tag, found);
  }
  return found;
}

/**
 * The served language that best fits one language a browser asks for: the same code, else the same language
 * in the same script (`zh-TW` → zh-Hant, `zh-CN` → zh-Hans, `fil` → tl), else the same language (`pt-BR` → pt).
 */
export function matchUiLocale(
  tag: string,
  served: readonly string[] = uiLocales.map((l) => l.code),
): string | undefined {
  const lower = tag.toLowerCase();
  const exact = served.find((code) => code.toLowerCase() === lower);
  if (exact) return exact;
  const wanted = languageAndScript(tag);
  if (!wanted) return undefined;
  let sameLanguage: string | undefined;
  for (const code of served) {
    const have = languageAndScript(code);
    if (have?.language !== wanted.language) continue;
    if (have.script === wanted.script) return code;
    sameLanguage ??= code;
  }
  return sameLanguage;
}
