// Country and language names in the reader's language, from Intl (no name list to translate), cached per
// locale. A code Intl does not know shows as itself.
const regions = new Map<string, Intl.DisplayNames>();
const languages = new Map<string, Intl.DisplayNames>();

function names(cache: Map<string, Intl.DisplayNames>, locale: string, type: 'region' | 'language') {
  let n = cache.get(locale);
  if (!n) {
    n = new Intl.DisplayNames([locale, 'en'], { type, fallback: 'code' });
    cache.set(locale, n);
  }
  return n;
}

export function countryName(locale: string, code: string): string {
  try {
    return names(regions, locale, 'region').of(code) ?? code;
  } catch {
    return code;
  }
}

export function languageName(locale: string, tag: string): string {
  try {
    return names(languages, locale, 'language').of(tag) ?? tag;
  } catch {
    return tag;
  }
}
