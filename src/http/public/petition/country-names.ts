// Country names in the page's language (Intl.DisplayNames), made once per language: the petition lists and
// its filter show a few hundred of them per page.
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
