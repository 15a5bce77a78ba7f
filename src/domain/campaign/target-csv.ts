// Reading a list of targets from a CSV file that a union or an editor made in a spreadsheet, and judging
// every row before anything is saved: rows that can be imported, rows with errors (each named, numbered as
// a spreadsheet numbers them: the header is row 1), and duplicates (an address already a target or copy
// address of the campaign, or one that appeared on an earlier row). Header row required, columns in any
// order, `,` or `;` between cells (decided from the header line), quotes, UTF-8 with or without BOM. The
// rules for each cell are the form's (target-fields.ts), so the two can never disagree.
import { CsvError, parse } from 'csv-parse/sync';
import {
  emailKey,
  type TargetField,
  type TargetFieldError,
  type TargetFields,
  type TargetInput,
  validateTarget,
} from './target-fields.js';

export const csvLimits = { maxBytes: 1_000_000, maxRows: 2_000 } as const;

export type CsvColumn = 'name' | 'organisation' | 'email' | 'locale' | 'timeZone';

/** Header spellings accepted for each column, compared without case, spaces, `-` or `_`. */
const headerNames: Record<CsvColumn, string[]> = {
  name: ['name', 'targetname', 'fullname'],
  organisation: ['organisation', 'organization', 'org'],
  email: ['email', 'emailaddress', 'mail'],
  locale: ['language', 'lang', 'locale'],
  timeZone: ['timezone', 'tz'],
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

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An uploaded file's bytes as text: at most maxBytes, valid UTF-8 (a BOM is dropped). */
export function decodeCsv(
  bytes: Uint8Array,
  truncated = false,
): { ok: true; text: string } | { ok: false; problem: CsvProblem } {
  if (truncated || bytes.length > csvLimits.maxBytes) {
    return { ok: false, problem: { error: 'TooLarge', maxBytes: csvLimits.maxBytes } };
  }
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return { ok: false, problem: { error: 'NotUtf8' } };
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: replacing control characters is the point
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** For showing what a bad row held: controls and direction overrides made visible, long values cut. */
export function shownValue(value: string, max = 80): string {
  const visible = value.replace(unsafe, '\ufffd');
  const chars = [...visible];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : visible;
}

const headerKey = (h: string) =>
  h
    .replace(/^\ufeff/, '')
    .toLowerCase()
    .replace(/[\s_-]+/g, '');

function columnOf(header: string): CsvColumn | undefined {
  const key = headerKey(header);
  return (Object.keys(headerNames) as CsvColumn[]).find((c) => headerNames[c].includes(key));
}

/** `;` when the header line has more of them than commas (spreadsheets in many locales save that way). */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

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
  if (text.trim() === '') return { ok: false, problem: { error: 'Empty' } };
  const delimiter = delimiterOf(text.replace(/^[\r\n]+/, ''));

  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
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

  // Empty lines are kept while parsing so that row numbers stay the spreadsheet's; they are dropped below.
  const blank = (cells: string[]) => cells.every((c) => c.trim() === '');
  const headerIndex = records.findIndex((cells) => !blank(cells));
  const header = records[headerIndex];
  if (!header) return { ok: false, problem: { error: 'Empty' } };
  const columns = new Map<CsvColumn, number>();
  const ignoredColumns: string[] = [];
  for (const [index, cell] of header.entries()) {
    const column = columnOf(cell);
    if (!column) {
      if (cell.trim() !== '') ignoredColumns.push(shownValue(cell.trim(), 40));
      continue;
    }
    if (columns.has(column))
      return { ok: false, problem: { error: 'DuplicateColumn', column: shownValue(cell.trim(), 40) } };
    columns.set(column, index);
  }
  const missing = requiredColumns.filter((c) => !columns.has(c));
  if (missing.length > 0) return { ok: false, problem: { error: 'MissingColumns', columns: missing } };

  // Rows whose cells are all empty (a spreadsheet's trailing ";;;;") are not rows.
  const data = records
    .map((cells, i) => ({ cells, row: i + 1 }))
    .filter(({ cells, row }) => row > headerIndex + 1 && !blank(cells));
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
