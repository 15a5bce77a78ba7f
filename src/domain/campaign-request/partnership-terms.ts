// The partnership terms a union accepts when it requests a campaign: what the platform will do and what
// the union will do. Admins edit them in the editor area; every save is a new, immutable version in one
// language, and every request records the exact version its sender read and accepted.

export const termsMax = 20_000;

export interface TermsVersion {
  /** Also the version number people see: versions are numbered across languages, in order of saving. */
  id: number;
  locale: string;
  bodyMd: string;
  createdAt: number;
  /** Who saved it (name or address), or null for the demo seed and the command line. */
  createdBy: string | null;
}

export interface TermsStore {
  /** The newest version in each language. */
  latest(): Promise<TermsVersion[]>;
  version(id: number): Promise<TermsVersion | undefined>;
  /** Every version, newest first. */
  history(limit: number): Promise<TermsVersion[]>;
  /** A new version, with its audit entry, in one transaction. */
  save(
    version: { locale: string; bodyMd: string },
    meta: { actor: { id: number; email: string } | null; now: number },
  ): Promise<TermsVersion>;
}

/**
 * The terms to show in `locale`: its own newest version, else the fallback language's, else any. A union
 * accepts what it was shown, so the page and the stored version always agree.
 */
export function chooseTerms(
  latest: TermsVersion[],
  locale: string,
  fallback: string,
): TermsVersion | undefined {
  const language = (tag: string) => tag.split('-')[0];
  return (
    latest.find((v) => v.locale === locale) ??
    latest.find((v) => language(v.locale) === language(locale)) ??
    latest.find((v) => v.locale === fallback) ??
    latest.toSorted((a, b) => b.id - a.id)[0]
  );
}

/** Languages whose newest text is older than the fallback language's: probably out of date. */
export function staleTerms(latest: TermsVersion[], fallback: string): string[] {
  const source = latest.find((v) => v.locale === fallback);
  if (!source) return [];
  return latest.filter((v) => v.locale !== fallback && v.id < source.id).map((v) => v.locale);
}
