// A translator's standing in each of their languages (decision 0039), and what it lets them do there. A
// plain translator saves and submits; a trusted one also publishes their own work; a coordinator reviews
// the language as editors and admins review every language: publishes, sends back, keeps its glossary.
// Editors and admins carry no standings (null): every language at a reviewer's standing.

export const languageStandings = ['translator', 'trusted', 'coordinator'] as const;
export type LanguageStanding = (typeof languageStandings)[number];

export const isLanguageStanding = (value: unknown): value is LanguageStanding =>
  typeof value === 'string' && (languageStandings as readonly string[]).includes(value);

/** A translator's languages, each with their standing in it. */
export type Standings = Readonly<Record<string, LanguageStanding>>;

/** One language given to a translator, with their standing in it. */
export interface LanguageGrant {
  locale: string;
  standing: LanguageStanding;
}

/** The grants as the viewer carries them: language → standing. */
export function standingsOf(grants: readonly LanguageGrant[]): Standings {
  return Object.fromEntries(grants.map((g) => [g.locale, g.standing]));
}

/** Where the stored translation stands, as far as the right to publish it cares. */
export interface PublishContext {
  status: string;
  /** Who last saved it (the submitter, when it is in review); null when nobody is known. */
  updatedBy: string | null;
}

/**
 * A trusted translator publishes their own work: anything they typed, except a translation someone else
 * sent for review. That one waits for a reviewer, who reads it as its translator asked.
 */
export function ownWork(translation: PublishContext | null, email: string): boolean {
  return translation === null || translation.status !== 'in_review' || translation.updatedBy === email;
}
