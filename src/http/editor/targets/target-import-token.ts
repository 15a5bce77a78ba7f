// The good rows of a checked CSV file travel from the report page back to the server in one hidden field,
// so nothing is stored between "check" and "import" (no table, no per-process memory: any web process can
// take the second request). The field is the rows as compact JSON, deflated, base64url, with the campaign,
// the editor and an expiry, signed with an HMAC key derived from APP_SECRET: a changed row, another
// campaign's or person's report, or a report older than an hour is refused.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import type { TargetFields } from '../../../domain/campaign/target-fields.js';

const version = 'v1';
export const importTokenTtlMs = 3_600_000;
/** Far above what 1 MB of CSV can become; stops a forged or corrupt field before it costs memory. */
const maxInflated = 8 * 1024 * 1024;

const cell = z.string().max(1_000);
const rowsSchema = z
  .array(z.tuple([cell, cell.nullable(), cell, cell.nullable(), cell.nullable()]))
  .min(1)
  .max(2_000);

function mac(secret: string, body: string): string {
  const key = createHmac('sha256', secret).update('target-import').digest();
  return createHmac('sha256', key).update(body).digest('base64url');
}

export function sealImportRows(
  secret: string,
  scope: { campaignId: number; userId: number; now: number },
  rows: TargetFields[],
): string {
  const compact = rows.map((r) => [r.name, r.organisation, r.email, r.locale, r.timeZone]);
  const payload = deflateRawSync(Buffer.from(JSON.stringify(compact))).toString('base64url');
  const body = `${version}.${scope.campaignId}.${scope.userId}.${(scope.now + importTokenTtlMs).toString(36)}.${payload}`;
  return `${body}.${mac(secret, body)}`;
}

/** The rows, or undefined when the field is not one we signed for this campaign and person, or expired. */
export function openImportRows(
  secret: string,
  scope: { campaignId: number; userId: number; now: number },
  token: string,
): TargetFields[] | undefined {
  const parts = token.split('.');
  if (parts.length !== 6 || parts[0] !== version) return undefined;
  const body = parts.slice(0, 5).join('.');
  const expected = Buffer.from(mac(secret, body));
  const given = Buffer.from(parts[5]!);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Number(parts[1]) !== scope.campaignId || Number(parts[2]) !== scope.userId) return undefined;
  const expires = Number.parseInt(parts[3]!, 36);
  if (!Number.isFinite(expires) || scope.now > expires) return undefined;
  try {
    const json = inflateRawSync(Buffer.from(parts[4]!, 'base64url'), { maxOutputLength: maxInflated });
    const rows = rowsSchema.safeParse(JSON.parse(json.toString('utf8')));
    if (!rows.success) return undefined;
    return rows.data.map(([name, organisation, email, locale, timeZone]) => ({
      name,
      organisation,
      email,
      locale,
      timeZone,
      hourlyCap: null,
    }));
  } catch {
    return undefined;
  }
}
