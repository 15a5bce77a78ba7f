// Reading a CSV file that someone made in a spreadsheet into a header and numbered rows, for every import
// (targets, list subscribers): UTF-8 with or without BOM, `,` or `;` between cells (decided from the header
// line), quotes, a header row naming the columns in any order (compared without case, spaces, `-` or `_`).
// Row numbers are the spreadsheet's (the header is row 1); empty lines are not rows. What each import does
// with a row, and which columns it requires, is its own.
import { CsvError, parse } from 'csv-parse/sync';

export type CsvTableProblem =
  | { error: 'Empty' }
  | { error: 'DuplicateColumn'; column: string }
  /** Broken quoting (a quote opened and never closed): nothing after it can be trusted. */
  | { error: 'Malformed'; line: number };

export interface CsvTable<C extends string> {
  delimiter: ',' | ';';
  header: string[];
  /** Where each known column is. */
  columns: Map<C, number>;
  /** Headers that name no column we know (ignored, and listed so a typo is noticed). */
  ignoredColumns: string[];
  /** Rows with at least one non-empty cell, after the header. */
  rows: { cells: string[]; row: number }[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An uploaded file's bytes as text (a BOM is kept for the parser to drop), or undefined if not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
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

/** `;` when the header line has more of them than commas (spreadsheets in many locales save that way). */
function delimiterOf(text: string): ',' | ';' {
  const header = text.slice(0, text.search(/\r|\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

/** `headerNames`: the accepted spellings of each column, already in compared form ("emailaddress"). */
export function readCsvTable<C extends string>(
  input: string,
  headerNames: Record<C, readonly string[]>,
): { ok: true; table: CsvTable<C> } | { ok: false; problem: CsvTableProblem } {
  const text = input.replace(/^\ufeff/, '');
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
  const known = Object.keys(headerNames) as C[];
  const columns = new Map<C, number>();
  const ignoredColumns: string[] = [];
  for (const [index, cell] of header.entries()) {
    const key = headerKey(cell);
    const column = known.find((c) => headerNames[c].includes(key));
    if (!column) {
      if (cell.trim() !== '') ignoredColumns.push(shownValue(cell.trim(), 40));
      continue;
    }
    if (columns.has(column)) {
      return { ok: false, problem: { error: 'DuplicateColumn', column: shownValue(cell.trim(), 40) } };
    }
    columns.set(column, index);
  }
  const rows: { cells: string[]; row: number }[] = [];
  for (let i = headerIndex + 1; i < records.length; i++) {
    if (!blank(records[i]!)) rows.push({ cells: records[i]!, row: i + 1 });
  }
  return { ok: true, table: { delimiter, header, columns, ignoredColumns, rows } };
}
