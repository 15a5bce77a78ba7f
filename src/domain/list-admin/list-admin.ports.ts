// What the editor's lists page needs from storage (db/list-admin.repository.ts implements it): the lists'
// counts, suppressed addresses page by page, one import written in one transaction, and a list read back
// batch by batch for its CSV export.
import type { AuditEntry, AuditRecorder } from '../account/account.ports.js';

export interface ListSummary {
  /** The list: one per language (BCP 47 tag). */
  locale: string;
  subscribed: number;
  pending: number;
  unsubscribed: number;
  /** When the newest subscribed member joined; null when nobody is subscribed. */
  lastJoinedAt: number | null;
}

export interface RecentJoin {
  email: string;
  locale: string;
  source: 'signature' | 'signup' | 'import';
  joinedAt: number;
}

export type SuppressionReason = 'hard_bounce' | 'soft_bounces' | 'complaint';

export interface SuppressedAddress {
  id: number;
  email: string;
  reason: SuppressionReason;
  suppressedAt: number;
}

/** Keyset position: the last row of the previous page (newest first). */
export interface SuppressedCursor {
  suppressedAt: number;
  id: number;
}

export interface SuppressedQuery {
  /** Part of the address, matched without case; empty: every suppressed address. */
  search: string;
  after: SuppressedCursor | null;
  limit: number;
}

/** A row that survived the file's own checks, ready to be judged against what is stored. */
export interface ImportCandidate {
  /** Row number as a spreadsheet shows it (the header is row 1). */
  row: number;
  email: string;
  canonical: string;
  /** Keyed hash of the canonical address, as erasures keep it. */
  erasedKey: string;
  name: string;
  country: string | null;
}

/** What the store decided for a candidate (the file's own outcomes are decided before). */
export type StoredOutcome =
  | 'added'
  | 'joined'
  | 'already_on_list'
  | 'skipped_unsubscribed'
  | 'skipped_suppressed'
  | 'erased';

export interface ImportBatch {
  locale: string;
  /** The consent record every added or joined person gets: scope `list`, version `import`. */
  consent: { text: string; version: string; givenAt: number };
  candidates: ImportCandidate[];
  /** The audit entry, written in the same transaction (counts only, never addresses). */
  audit: (outcomes: Record<StoredOutcome, number>) => AuditEntry;
  /** Told after each chunk, inside the transaction: rows judged against what is stored, then rows written. */
  progress?: ImportProgressListener;
}

/**
 * Where an import is: `reading` the file's rows (their keyed hashes), `checking` them against what is
 * stored, `saving` the people added or joining (all in one transaction, committed at the end). The
 * listener may wait (the page streams each step); the import goes on when it returns.
 */
export interface ImportProgress {
  phase: 'reading' | 'checking' | 'saving';
  done: number;
  total: number;
}
export type ImportProgressListener = (progress: ImportProgress) => Promise<void>;

export interface ExportMember {
  email: string;
  name: string;
  country: string | null;
  joinedAt: number | null;
  source: 'signature' | 'signup' | 'import';
  consentText: string | null;
}

export interface ListAdminStore extends AuditRecorder {
  lists(): Promise<ListSummary[]>;
  recentJoins(limit: number): Promise<RecentJoin[]>;
  /** Languages campaigns are published or translated in: lists an import may start. */
  campaignLocales(): Promise<string[]>;
  suppressed(query: SuppressedQuery): Promise<SuppressedAddress[]>;
  /** Everything in one transaction: either every outcome is stored or none (the error is thrown). */
  importSubscribers(batch: ImportBatch): Promise<Map<number, StoredOutcome>>;
  /** Subscribed members of one list, oldest join first, in batches. */
  members(locale: string): AsyncIterable<ExportMember[]>;
}
