// The public base URL (BASE_URL) joined with a path: every link in pages and mail starts here, and the
// configured value may end in slashes. No regex: this sees configuration, and the regex audit is strict.

/** The base URL without trailing slashes. */
export function siteBase(baseUrl: string): string {
  let base = baseUrl;
  while (base.endsWith('/')) base = base.slice(0, -1);
  return base;
}
