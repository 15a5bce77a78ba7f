// `npm run i18n:status`: per language and namespace, how many strings are there and how many a volunteer
// has reviewed against today's English, so a coordinator sees at a glance what needs work.
import { sourceLocale, uiLocales } from './locales.js';
import { type Namespace, namespaceOf, namespaces, namespacesFor } from './namespaces.js';
import { type CatalogReview, emptyReview, keyState } from './review.js';
import type { Catalog } from './translator.js';

export interface NamespaceStatus {
  total: number;
  /** Present in the catalog (outdated ones included). */
  complete: number;
  /** Drafted from an English text that has changed since. */
  outdated: number;
  reviewed: number;
}

export interface LanguageStatus {
  locale: string;
  /** Absent for a namespace the language does not carry (English shows instead, key by key). */
  byNamespace: Partial<Record<Namespace, NamespaceStatus>>;
}

export function languageStatus(
  locale: string,
  en: Catalog,
  catalog: Catalog,
  review: CatalogReview = emptyReview(),
): LanguageStatus {
  const byNamespace: Partial<Record<Namespace, NamespaceStatus>> = {};
  for (const ns of namespacesFor(locale))
    byNamespace[ns] = { total: 0, complete: 0, outdated: 0, reviewed: 0 };
  for (const key of Object.keys(en)) {
    const counts = byNamespace[namespaceOf(key)];
    if (!counts) continue;
    counts.total++;
    const state = locale === sourceLocale ? 'reviewed' : keyState(key, en, catalog, review);
    if (state !== 'missing') counts.complete++;
    if (state === 'outdated') counts.outdated++;
    if (state === 'reviewed') counts.reviewed++;
  }
  return { locale, byNamespace };
}

/** The status table as text, one row per served language. */
export function statusTable(
  catalogs: Map<string, Catalog>,
  reviews: Map<string, CatalogReview | undefined>,
  locales = uiLocales.map((l) => l.code),
): string {
  const en = catalogs.get(sourceLocale) ?? {};
  const header = ['language', ...namespaces.flatMap((ns) => [`${ns} complete`, `${ns} reviewed`])];
  const rows = locales.map((locale) => {
    const status = languageStatus(locale, en, catalogs.get(locale) ?? {}, reviews.get(locale));
    return [
      locale,
      ...namespaces.flatMap((ns) => {
        const s = status.byNamespace[ns];
        if (!s) return ['English', '-'];
        const outdated = s.outdated > 0 ? ` (${s.outdated} outdated)` : '';
        return [`${s.complete}/${s.total}${outdated}`, `${s.reviewed}/${s.total}`];
      }),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
