// The per-row report of an import travels back to the server in one hidden field when the editor downloads
// it, so no report is stored (no table, no per-process memory): rows as compact JSON, deflated, base64url,
// with the editor and an expiry, signed with an HMAC key derived from APP_SECRET. Another editor's report,
// a changed one, or one older than a day is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import {
  type ImportOutcome,
  type ImportReportRow,
  importOutcomes,
} from '../../../domain/list-admin/import-subscribers.js';
import { importLimits } from '../../../domain/list-admin/subscriber-csv.js';

const version = 'r1';
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

function mac(secret: string, body: string): string {
  const key = createHmac('sha256', secret).update('list-import-report').digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}

export function sealReport(
  secret: string,
  scope: { userId: number; now: number },
  rows: readonly ImportReportRow[],
): string {
  const compact = rows.map((r) => [r.row, r.email, importOutcomes.indexOf(r.outcome)]);
  const payload = deflateRawSync(Buffer.from(JSON.stringify(compact))).toString('base64url');
  const body = `${version}.${scope.userId}.${(scope.now + reportTokenTtlMs).toString(36)}.${payload}`;
  return `${body}.${mac(secret, body)}`;
}

/** The report's rows, or undefined when the field is not one we signed for this editor, or expired. */
export function openReport(
  secret: string,
  scope: { userId: number; now: number },
  token: string,
): ImportReportRow[] | undefined {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== version) return undefined;
  const body = parts.slice(0, 4).join('.');
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(parts[4]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Number(parts[1]) !== scope.userId) return undefined;
  const expires = Number.parseInt(parts[2]!, 36);
  if (!Number.isFinite(expires) || scope.now > expires) return undefined;
  try {
    const json = inflateRawSync(Buffer.from(parts[3]!, 'base64url'), { maxOutputLength: maxInflated });
    const rows = rowsSchema.safeParse(JSON.parse(json.toString('utf8')));
    if (!rows.success) return undefined;
    return rows.data.map(([row, email, outcome]) => ({
      row,
      email,
      outcome: importOutcomes[outcome] as ImportOutcome,
    }));
  } catch {
    return undefined;
  }
}
