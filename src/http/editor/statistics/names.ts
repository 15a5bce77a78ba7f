// Country and language names in the reader's language, from Intl (no name list to translate). Countries
// through the shared helper the petition uses; a code Intl does not know shows as itself.
import { countryName as sharedCountryName } from '../../views/country-names.js';

const languages = new Map<string, Intl.DisplayNames>();

export function countryName(locale: string, code: string): string {
  return sharedCountryName(locale, code) ?? code;
}

export function languageName(locale: string, tag: string): string {
  let names = languages.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'code' });
    languages.set(locale, names);
  }
  try {
    return names.of(tag) ?? tag;
  } catch {
    // A tag Intl rejects as malformed (the counts table holds what signing stored).
    return tag;
  }
}
