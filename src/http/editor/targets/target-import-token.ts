// The good rows of a checked CSV file travel from the report page back to the server in one sealed field
// (security/sealed-field.ts), bound to the campaign and the editor and valid for an hour, so nothing is
// stored between "check" and "import".
import { z } from 'zod';
import {
  countriesColumn,
  countriesFromColumn,
  type TargetFields,
} from '../../../domain/campaign/target-fields.js';
import { openField, type SealScope, sealField } from '../../../security/sealed-field.js';

export const importTokenTtlMs = 3_600_000;
/** Far above what 1 MB of CSV can become; stops a forged or corrupt field before it costs memory. */
const maxInflated = 8 * 1024 * 1024;

const cell = z.string().max(1_000);
const rowsSchema = z
  .array(z.tuple([cell, cell.nullable(), cell, cell.nullable(), cell.nullable(), cell]))
  .min(1)
  .max(2_000);

const sealScope = (scope: { campaignId: number; userId: number }): SealScope => ({
  purpose: 'target-import',
  version: 'v2',
  ids: [scope.campaignId, scope.userId],
});

export function sealImportRows(
  secret: string,
  scope: { campaignId: number; userId: number; now: number },
  rows: TargetFields[],
): string {
  const compact = rows.map((r) => [
    r.name,
    r.organisation,
    r.email,
    r.locale,
    r.timeZone,
    countriesColumn(r.countries),
  ]);
  return sealField(secret, sealScope(scope), scope.now + importTokenTtlMs, compact);
}

/** The rows, or undefined when the field is not one we signed for this campaign and person, or expired. */
export function openImportRows(
  secret: string,
  scope: { campaignId: number; userId: number; now: number },
  token: string,
): TargetFields[] | undefined {
  const rows = rowsSchema.safeParse(openField(secret, sealScope(scope), scope.now, token, maxInflated));
  if (!rows.success) return undefined;
  return rows.data.map(([name, organisation, email, locale, timeZone, countries]) => ({
    name,
    organisation,
    email,
    locale,
    timeZone,
    hourlyCap: null,
    countries: countriesFromColumn(countries),
  }));
}
