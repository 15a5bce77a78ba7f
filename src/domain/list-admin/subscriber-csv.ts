// Reading a file of subscribers that another list (a mailing provider, a union's spreadsheet) exported, and
// judging each row on its own before anything is looked up: an address that is not one, a country that is
// not an ISO code or a name that cannot be stored is reported by row; a second row with the same canonical
// address is a duplicate of the first. Header row required (email; name and country optional, any order),
// `,` or `;` between cells, UTF-8 with or without BOM. Row numbers are the spreadsheet's: the header is 1.
import { CsvError, parse } from 'csv-parse/sync';
import { shownValue } from '../campaign/target-csv.js';
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
  | { error: 'Empty' }
  | { error: 'TooLarge'; maxMb: number }
  | { error: 'NotUtf8' }
  | { error: 'NoEmailColumn' }
  | { error: 'DuplicateColumn'; column: string }
  | { error: 'Malformed'; line: number }
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The upload's bytes as text, refusing a file cut at the upload limit or not in UTF-8. */
export function decodeSubscriberFile(
  bytes: Uint8Array,
  truncated: boolean,
  maxMb: number,
): { ok: true; text: string } | { ok: false; problem: ImportProblem } {
  if (truncated) return { ok: false, problem: { error: 'TooLarge', maxMb } };
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: { error: 'NotUtf8' } };
  }
}

const headerKey = (h: string) =>
  h
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

function columnOf(header: string): SubscriberColumn | undefined {
  const key = headerKey(header);
  return (Object.keys(headerNames) as SubscriberColumn[]).find((c) => headerNames[c].includes(key));
}

function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/));
  return header.split(';').length > header.split(',').length ? ';' : ',';
}

export function checkSubscriberCsv(
  input: string,
): { ok: true; rows: CheckedRow[] } | { ok: false; problem: ImportProblem } {
  const text = input.replace(/^\ufeff/, '');
  if (text.trim() === '') return { ok: false, problem: { error: 'Empty' } };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: delimiterOf(text.replace(/^[\r\n]+/, '')),
      relax_column_count: true,
      relax_quotes: true,
    }) as string[][];
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      return { ok: false, problem: { error: 'Malformed', line: typeof lines === 'number' ? lines : 1 } };
    }
    throw error;
  }
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = records.findIndex((cells) => !blank(cells));
  const header = records[headerIndex];
  if (!header) return { ok: false, problem: { error: 'Empty' } };
  const columns = new Map<SubscriberColumn, number>();
  for (const [index, cell] of header.entries()) {
    const column = columnOf(cell);
    if (!column) continue;
    if (columns.has(column)) {
      return { ok: false, problem: { error: 'DuplicateColumn', column: shownValue(cell.trim(), 40) } };
    }
    columns.set(column, index);
  }
  const emailAt = columns.get('email');
  if (emailAt === undefined) return { ok: false, problem: { error: 'NoEmailColumn' } };
  const nameAt = columns.get('name');
  const countryAt = columns.get('country');

  let count = 0;
  for (let i = headerIndex + 1; i < records.length; i++) if (!blank(records[i]!)) count++;
  if (count === 0) return { ok: false, problem: { error: 'NoRows' } };
  if (count > importLimits.maxRows) {
    return { ok: false, problem: { error: 'TooManyRows', maxRows: importLimits.maxRows, rows: count } };
  }

  const seen = new Set<string>();
  const rows: CheckedRow[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    const cells = records[i]!;
    if (blank(cells)) continue;
    const row = i + 1;
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
