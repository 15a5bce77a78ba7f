// What the review of interface strings in the app works with (decision 0036): the shipped catalogs (English
// source, each language's text and note, the repository's review record, the catalog check) and the stored
// corrections layered over them. The use cases beside this file decide who may change what and validate.

/** One key of one language as the repository ships it. */
export interface ShippedString {
  key: string;
  namespace: 'supporter' | 'editor';
  english: string;
  /** The note for translators from en.json. */
  description: string;
  /** The language's shipped text (English where the catalog lacks it). */
  shipped: string;
  /** The repository's review record counts a review against today's English. */
  shippedReviewed: boolean;
}

export type MessageProblem =
  | { code: 'InvalidIcu' }
  | { code: 'Placeholders'; expected: string }
  | { code: 'Tags'; expected: string }
  | { code: 'PluralCategories'; categories: string };

/** The shipped catalogs and their checks, read once per process (i18n/interface-catalogs.ts). */
export interface InterfaceCatalogs {
  /** The strings a language carries (its namespaces), in English key order; undefined for English or an unserved language. */
  strings(locale: string): readonly ShippedString[] | undefined;
  /** What `i18n:check` would say of this text: the same placeholders, tags and ICU, the plural forms the language needs. */
  check(locale: string, english: string, message: string): MessageProblem[];
  /** Short hash of an English message (the review records' `source`). */
  hash(english: string): string;
}

/** A stored correction or review of one string. */
export interface InterfaceOverride {
  locale: string;
  key: string;
  /** Null: the shipped text is kept, only marked reviewed. */
  message: string | null;
  previousMessage: string;
  /** Hash of the English the text was written or reviewed against. */
  sourceHash: string;
  reviewedAt: number | null;
  /** The name of the person who made the change (null once their account is gone). */
  updatedBy: string | null;
  updatedAt: number;
}

export interface InterfaceOverrideChange {
  locale: string;
  key: string;
  message: string | null;
  previousMessage: string;
  sourceHash: string;
  reviewed: boolean;
}

/** What every process reads to apply corrections: a version number that is cheap to read, then the texts. */
export interface InterfaceOverrideReader {
  version(): Promise<number>;
  /** Every stored text (corrections only, not mere reviews), all languages. */
  active(): Promise<{ locale: string; key: string; message: string }[]>;
}

export interface InterfaceOverrideStore extends InterfaceOverrideReader {
  list(locale: string): Promise<InterfaceOverride[]>;
  /** Stores the changes in one transaction with an audit entry each, and bumps the version. */
  save(changes: InterfaceOverrideChange[], actor: { id: number; email: string }, now: number): Promise<void>;
}
