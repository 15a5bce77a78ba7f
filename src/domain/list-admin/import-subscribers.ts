// Importing subscribers from another list's CSV into one language list. The importer states where and how
// these people agreed; that sentence becomes each person's consent record (scope `list`, version `import`,
// the list's language, the time of the import). Each row gets one outcome, and the whole file is stored in
// one transaction: a failure part-way stores nothing (docs/decisions/0022-list-import.md). Each step is told
// to an optional listener, so the editor's page shows rows done of the total while it runs.
//
//   file row ──▶ invalid_email | invalid_row | duplicate           (decided from the file alone)
//            └─▶ erased | skipped_suppressed | skipped_unsubscribed  (never re-added)
//                | already_on_list | joined | added                 (decided against what is stored)
import type { Clock } from '../shared/clock.js';
import { normaliseText } from '../signature/text.js';
import type {
  ImportCandidate,
  ImportProgressListener,
  ListAdminStore,
  StoredOutcome,
} from './list-admin.ports.js';
import { checkSubscriberCsv, decodeSubscriberFile, type ImportProblem } from './subscriber-csv.js';

export const importOutcomes = [
  'added',
  'joined',
  'already_on_list',
  'skipped_unsubscribed',
  'skipped_suppressed',
  'erased',
  'invalid_email',
  'invalid_row',
  'duplicate',
] as const;
export type ImportOutcome = (typeof importOutcomes)[number];

export const importConsentVersion = 'import';
/** A consent source is a sentence or two ("LabourStart English list, double opt-in, exported …"). */
export const consentSourceMax = 1_000;

export interface ImportReportRow {
  row: number;
  /** The address as the file had it, made safe to show. */
  email: string;
  outcome: ImportOutcome;
}

export interface ImportReport {
  locale: string;
  rows: ImportReportRow[];
  counts: Record<ImportOutcome, number>;
}

export interface ImportSubscribersDeps {
  lists: ListAdminStore;
  clock: Clock;
  /** The keyed hash erasures keep of a canonical address (security/email-key.ts). */
  erasedKey: (canonical: string) => string;
}

export interface ImportSubscribersInput {
  /** The list, as a canonical language tag (the route canonicalises what the form sent). */
  locale: string;
  consentSource: string;
  file: { bytes: Uint8Array; truncated: boolean };
  /** The upload limit, named in the "too large" answer. */
  maxMb: number;
  actor: { id: number; email: string };
  /** Told of each step once the file is accepted; without it the import runs silently. */
  progress?: ImportProgressListener;
}

/** Rows read between two progress steps. */
const readStep = 5_000;

export type ImportSubscribersResult =
  | { status: 'done'; report: ImportReport }
  | { status: 'invalid'; field: 'consentSource'; error: 'Required' | 'TooLong' }
  | { status: 'problem'; problem: ImportProblem };

export const emptyCounts = (): Record<ImportOutcome, number> =>
  Object.fromEntries(importOutcomes.map((o) => [o, 0])) as Record<ImportOutcome, number>;

export async function importSubscribers(
  deps: ImportSubscribersDeps,
  input: ImportSubscribersInput,
): Promise<ImportSubscribersResult> {
  const { locale } = input;
  const consent = normaliseText(input.consentSource, { max: consentSourceMax });
  if (!consent.ok) return { status: 'invalid', field: 'consentSource', error: consent.error };
  const decoded = decodeSubscriberFile(input.file.bytes, input.file.truncated, input.maxMb);
  if (!decoded.ok) return { status: 'problem', problem: decoded.problem };
  const checked = checkSubscriberCsv(decoded.text);
  if (!checked.ok) return { status: 'problem', problem: checked.problem };

  const { progress } = input;
  const total = checked.rows.length;
  await progress?.({ phase: 'reading', done: 0, total });
  const candidates: ImportCandidate[] = [];
  for (const [i, r] of checked.rows.entries()) {
    if (r.value) candidates.push({ row: r.row, ...r.value, erasedKey: deps.erasedKey(r.value.canonical) });
    if ((i + 1) % readStep === 0 || i + 1 === total)
      await progress?.({ phase: 'reading', done: i + 1, total });
  }
  const now = deps.clock.now();
  const stored =
    candidates.length === 0
      ? new Map<number, StoredOutcome>()
      : await deps.lists.importSubscribers({
          locale,
          consent: { text: consent.value, version: importConsentVersion, givenAt: now },
          candidates,
          ...(progress ? { progress } : {}),
          audit: (outcomes) => ({
            actor: input.actor,
            action: 'list.imported',
            entityType: 'list',
            entityId: locale,
            // Counts and the stated source only: no address goes into the audit log.
            after: { consentSource: consent.value, rows: checked.rows.length, ...outcomes },
            now,
          }),
        });
  const counts = emptyCounts();
  const rows = checked.rows.map((r): ImportReportRow => {
    const outcome: ImportOutcome = r.problem ?? stored.get(r.row) ?? 'invalid_row';
    counts[outcome]++;
    return { row: r.row, email: r.shown, outcome };
  });
  return { status: 'done', report: { locale, rows, counts } };
}
