// Reading a list of targets from a CSV file that a union or an editor made in a spreadsheet, and judging
// every row before anything is saved: rows that can be imported, rows with errors (each named, numbered as
// a spreadsheet numbers them: the header is row 1), and duplicates (an address already a target or copy
// address of the campaign, or one that appeared on an earlier row). Header row required, columns in any
// order (an optional `countries` column makes embassy targets), `,` or `;` between cells (decided from the header line), quotes, UTF-8 with or without BOM
// (shared/csv-table.ts reads the file). The rules for each cell are the form's (target-fields.ts), so the two
// can never disagree.
import { decodeUtf8, readCsvTable, shownValue } from '../shared/csv-table.js';
import {
  emailKey,
  type TargetField,
  type TargetFieldError,
  type TargetFields,
  type TargetInput,
  validateTarget,
} from './target-fields.js';

export const csvLimits = { maxBytes: 1_000_000, maxRows: 2_000 } as const;

export type CsvColumn = 'name' | 'organisation' | 'email' | 'locale' | 'timeZone' | 'countries';

/** Header spellings accepted for each column, compared without case, spaces, `-` or `_`. */
const headerNames: Record<CsvColumn, string[]> = {
  name: ['name', 'targetname', 'fullname'],
  organisation: ['organisation', 'organization', 'org'],
  email: ['email', 'emailaddress', 'mail'],
  locale: ['language', 'lang', 'locale'],
  timeZone: ['timezone', 'tz'],
  countries: ['countries', 'country'],
};

const requiredColumns: CsvColumn[] = ['name', 'email'];

export type CsvProblem =
  | { error: 'Empty' }
  | { error: 'TooLarge'; maxBytes: number }
  | { error: 'NotUtf8' }
  | { error: 'MissingColumns'; columns: CsvColumn[] }
  | { error: 'DuplicateColumn'; column: string }
  /** Broken quoting (a quote opened and never closed): nothing after it can be trusted. */
  | { error: 'Malformed'; line: number }
  | { error: 'NoRows' }
  | { error: 'TooManyRows'; maxRows: number; rows: number };

/** One problem of a row: a cell's (the form's error codes), or the row's own (more cells than the header). */
export interface RowError {
  field: TargetField | 'row';
  error: TargetFieldError | 'TooManyCells';
}

export type RowOutcome =
  | { row: number; status: 'ok'; value: TargetFields }
  | {
      row: number;
      status: 'error';
      errors: RowError[];
      /** The row's cells as typed, made safe to show (shownValue). */
      shown: Record<CsvColumn, string>;
    }
  | {
      row: number;
      status: 'duplicate';
      value: TargetFields;
      /** The row it repeats, or null when the campaign already has the address. */
      firstRow: number | null;
    };

export interface CsvReport {
  delimiter: ',' | ';';
  rows: RowOutcome[];
  /** Headers that name no column we know (ignored, and listed so a typo is noticed). */
  ignoredColumns: string[];
  /** The rows that would be imported, in file order. */
  good: TargetFields[];
}

/** An uploaded file's bytes as text: at most maxBytes, valid UTF-8 (a BOM is dropped). */
export function decodeCsv(
  bytes: Uint8Array,
  truncated = false,
): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
  if (truncated || bytes.length > csvLimits.maxBytes) {
    return { ok: false, problem: { error: 'TooLarge', maxBytes: csvLimits.maxBytes } };
  }
  const text = decodeUtf8(bytes);
  return text === undefined ? { ok: false, problem: { error: 'NotUtf8' } } : { ok: true, text };
}

export { shownValue };

/**
 * Parses and judges a CSV text. `existing` holds the campaign's addresses (emailKey form). A problem with
 * the file as a whole (too large, not CSV, no name or email column) is returned instead of a report.
 */
export function checkTargetCsv(
  input: string,
  existing: ReadonlySet<string>,
): { ok: true; report: CsvReport } | { ok: false; problem: CsvProblem } {
  const text = input.replace(/^\ufeff/, '');
  if (new TextEncoder().encode(text).length > csvLimits.maxBytes) {
    return { ok: false, problem: { error: 'TooLarge', maxBytes: csvLimits.maxBytes } };
  }
  const read = readCsvTable(text, headerNames);
  if (!read.ok) return { ok: false, problem: read.problem };
  const { delimiter, header, columns, ignoredColumns } = read.table;
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) return { ok: false, problem: { error: 'MissingColumns', columns: missing } };

  const data = read.table.rows;
  if (data.length === 0) return { ok: false, problem: { error: 'NoRows' } };
  if (data.length > csvLimits.maxRows) {
    return { ok: false, problem: { error: 'TooManyRows', maxRows: csvLimits.maxRows, rows: data.length } };
  }

  const cell = (cells: string[], column: CsvColumn) => {
    const index = columns.get(column);
    return index === undefined ? '' : (cells[index] ?? '');
  };
  const seen = new Map<string, number>();
  const rows: RowOutcome[] = [];
  const good: TargetFields[] = [];
  for (const { cells, row } of data) {
    const fields: TargetInput = {
      name: cell(cells, 'name'),
      organisation: cell(cells, 'organisation'),
      email: cell(cells, 'email'),
      locale: cell(cells, 'locale'),
      timeZone: cell(cells, 'timeZone'),
      countries: cell(cells, 'countries'),
    };
    const checked = validateTarget(fields);
    const errors: RowError[] = [];
    if (!checked.ok) {
      for (const [field, error] of Object.entries(checked.errors) as [TargetField, TargetFieldError][]) {
        errors.push({ field, error });
      }
    }
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      errors.push({ field: 'row', error: 'TooManyCells' });
    }
    if (!checked.ok || errors.length > 0) {
      rows.push({
        row,
        status: 'error',
        errors,
        shown: {
          name: shownValue(fields.name.trim()),
          organisation: shownValue(fields.organisation.trim()),
          email: shownValue(fields.email.trim()),
          locale: shownValue(fields.locale.trim()),
          timeZone: shownValue(fields.timeZone.trim()),
          countries: shownValue((fields.countries ?? '').trim()),
        },
      });
      continue;
    }
    const key = emailKey(checked.value.email);
    const firstRow = seen.get(key);
    if (existing.has(key) || firstRow !== undefined) {
      rows.push({ row, status: 'duplicate', value: checked.value, firstRow: firstRow ?? null });
      continue;
    }
    seen.set(key, row);
    rows.push({ row, status: 'ok', value: checked.value });
    good.push(checked.value);
  }
  return { ok: true, report: { delimiter, rows, ignoredColumns, good } };
}
