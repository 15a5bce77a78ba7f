// Reading a file of subscribers that another list (a mailing provider, a union's spreadsheet) exported, and
// judging each row on its own before anything is looked up: an address that is not one, a country that is
// not an ISO code or a name that cannot be stored is reported by row; a second row with the same canonical
// address is a duplicate of the first. Header row required (email; name and country optional, any order);
// shared/csv-table.ts reads the file as the targets import does.
import { type CsvTableProblem, decodeUtf8, readCsvTable, shownValue } from '../shared/csv-table.js';
import { isCountryCode } from '../signature/countries.js';
import { parseEmail } from '../signature/email-address.js';
import { normaliseLine } from '../signature/text.js';

/** One import is one request and one transaction: 100,000 rows is LabourStart's largest list and more. */
export const importLimits = { maxRows: 100_000 } as const;
/** The supporters table's name column. */
const maxName = 200;

export type SubscriberColumn = 'email' | 'name' | 'country';

const headerNames: Record<SubscriberColumn, string[]> = {
  email: ['email', 'emailaddress', 'mail', 'address'],
  name: ['name', 'fullname', 'firstname'],
  country: ['country', 'countrycode'],
};

export type ImportProblem =
  | CsvTableProblem
  | { error: 'TooLarge'; maxMb: number }
  | { error: 'NotUtf8' }
  | { error: 'NoEmailColumn' }
  | { error: 'NoRows' }
  | { error: 'TooManyRows'; maxRows: number; rows: number };

export interface CheckedRow {
  row: number;
  /** The address as the file has it, made safe to show. */
  shown: string;
  /** A problem of the row itself; undefined when it goes on to be judged against what is stored. */
  problem?: 'invalid_email' | 'invalid_row' | 'duplicate';
  value?: { email: string; canonical: string; name: string; country: string | null };
}

/** The upload's bytes as text, refusing a file cut at the upload limit or not in UTF-8. */
export function decodeSubscriberFile(
  bytes: Uint8Array,
  truncated: boolean,
  maxMb: number,
): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  if (truncated) return { ok: false, problem: { error: 'TooLarge', maxMb } };
  const text = decodeUtf8(bytes);
  return text === undefined ? { ok: false, problem: { error: 'NotUtf8' } } : { ok: true, text };
}

export function checkSubscriberCsv(
  input: string,
): { ok: true; rows: CheckedRow[] } | { ok: false; problem: ImportProblem } {
  const read = readCsvTable(input, headerNames);
  if (!read.ok) return { ok: false, problem: read.problem };
  const { columns, rows: data } = read.table;
  const emailAt = columns.get('email');
  if (emailAt === undefined) return { ok: false, problem: { error: 'NoEmailColumn' } };
  const nameAt = columns.get('name');
  const countryAt = columns.get('country');

  if (data.length === 0) return { ok: false, problem: { error: 'NoRows' } };
  if (data.length > importLimits.maxRows) {
    return { ok: false, problem: { error: 'TooManyRows', maxRows: importLimits.maxRows, rows: data.length } };
  }

  const seen = new Set<string>();
  const rows: CheckedRow[] = [];
  for (const { cells, row } of data) {
    const typed = cells[emailAt] ?? '';
    const shown = shownValue(typed.trim(), 254);
    const email = parseEmail(typed);
    if (!email.ok) {
      rows.push({ row, shown, problem: 'invalid_email' });
      continue;
    }
    const name = normaliseLine(nameAt === undefined ? '' : (cells[nameAt] ?? ''), {
      max: maxName,
      required: false,
    });
    const countryText = countryAt === undefined ? '' : (cells[countryAt] ?? '').trim().toUpperCase();
    if (!name.ok || (countryText !== '' && !isCountryCode(countryText))) {
      rows.push({ row, shown, problem: 'invalid_row' });
      continue;
    }
    if (seen.has(email.email.canonical)) {
      rows.push({ row, shown, problem: 'duplicate' });
      continue;
    }
    seen.add(email.email.canonical);
    rows.push({
      row,
      shown,
      value: {
        email: email.email.address,
        canonical: email.email.canonical,
        name: name.value,
        country: countryText === '' ? null : countryText,
      },
    });
  }
  return { ok: true, rows };
}
