// The per-row report of an import travels back to the server in one sealed field when the editor downloads
// it (security/sealed-field.ts), bound to the editor and valid for a day, so no report is stored.
import { z } from 'zod';
import {
  type ImportOutcome,
  type ImportReportRow,
  importOutcomes,
} from '../../../domain/list-admin/import-subscribers.js';
import { importLimits } from '../../../domain/list-admin/subscriber-csv.js';
import { openField, type SealScope, sealField } from '../../../security/sealed-field.js';

export const reportTokenTtlMs = 86_400_000;
/** 100,000 rows of 254-character addresses, with room: stops a forged field before it costs memory. */
const maxInflated = 40 * 1024 * 1024;

const rowsSchema = z
  .array(
    z.tuple([
      z.number().int().positive(),
      z.string().max(300),
      z
        .number()
        .int()
        .min(0)
        .max(importOutcomes.length - 1),
    ]),
  )
  .max(importLimits.maxRows);

const sealScope = (userId: number): SealScope => ({
  purpose: 'list-import-report',
  version: 'r1',
  ids: [userId],
});

export function sealReport(
  secret: string,
  scope: { userId: number; now: number },
  rows: readonly ImportReportRow[],
): string {
  const compact = rows.map((r) => [r.row, r.email, importOutcomes.indexOf(r.outcome)]);
  return sealField(secret, sealScope(scope.userId), scope.now + reportTokenTtlMs, compact);
}

/** The report's rows, or undefined when the field is not one we signed for this editor, or expired. */
export function openReport(
  secret: string,
  scope: { userId: number; now: number },
  token: string,
): ImportReportRow[] | undefined {
  const rows = rowsSchema.safeParse(
    openField(secret, sealScope(scope.userId), scope.now, token, maxInflated),
  );
  if (!rows.success) return undefined;
  return rows.data.map(([row, email, outcome]) => ({
    row,
    email,
    outcome: importOutcomes[outcome] as ImportOutcome,
  }));
}
