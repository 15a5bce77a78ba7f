// Where each interface string of a language stands once the stored corrections are laid over the shipped
// catalog, and the board's filters. A string is reviewed when its stored row says so against today's
// English, or, with no stored row, when the repository's review record does; a correction not marked
// reviewed makes the string unreviewed again (its text is new).
import type { InterfaceOverride, ShippedString } from './interface-strings.ports.js';

export interface InterfaceString extends ShippedString {
  /** What the site shows now: the correction, else the shipped text. */
  current: string;
  override: InterfaceOverride | undefined;
  overridden: boolean;
  reviewed: boolean;
}

export function layStrings(
  strings: readonly ShippedString[],
  overrides: readonly InterfaceOverride[],
  hash: (english: string) => string,
): InterfaceString[] {
  const byKey = new Map(overrides.map((o) => [o.key, o]));
  return strings.map((s) => {
    const override = byKey.get(s.key);
    const reviewed = override
      ? override.reviewedAt !== null && override.sourceHash === hash(s.english)
      : s.shippedReviewed;
    return {
      ...s,
      current: override?.message ?? s.shipped,
      override,
      overridden: override?.message != null,
      reviewed,
    };
  });
}

export const stateFilters = ['all', 'not-reviewed', 'reviewed', 'overridden'] as const;
export type StateFilter = (typeof stateFilters)[number];
export const namespaceFilters = ['all', 'supporter', 'editor'] as const;
export type NamespaceFilter = (typeof namespaceFilters)[number];

export interface StringFilter {
  state: StateFilter;
  namespace: NamespaceFilter;
  /** Matched, ignoring case, in the key, the English and the current text. */
  search: string;
}

export function filterStrings(rows: readonly InterfaceString[], f: StringFilter): InterfaceString[] {
  const needle = f.search.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (f.state === 'all' ||
        (f.state === 'reviewed' && r.reviewed) ||
        (f.state === 'not-reviewed' && !r.reviewed) ||
        (f.state === 'overridden' && r.overridden)) &&
      (f.namespace === 'all' || f.namespace === r.namespace) &&
      (needle === '' ||
        r.key.toLocaleLowerCase().includes(needle) ||
        r.english.toLocaleLowerCase().includes(needle) ||
        r.current.toLocaleLowerCase().includes(needle)),
  );
}
