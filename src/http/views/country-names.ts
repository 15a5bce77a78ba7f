// Country names in the page's language (Intl.DisplayNames), made once per language: the petition lists and
// its filter show a few hundred of them per page; the targets of embassy campaigns name theirs.
const byLocale = new Map<string, Intl.DisplayNames>();

export function countryName(locale: string, code: string | null): string | null {
  if (!code) return null;
  let names = byLocale.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    byLocale.set(locale, names);
  }
  return names.of(code) ?? code;
}

/** "Germany, Austria": a target's countries in the page's language, as a list. */
export function countryList(locale: string, codes: readonly string[]): string {
  const names = codes.map((code) => countryName(locale, code) ?? code);
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}
