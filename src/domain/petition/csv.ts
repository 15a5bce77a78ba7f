// CSV for exports that people open in spreadsheets (RFC 4180, CRLF). csv-stringify is not installed, so this
// small writer does the two things that matter: quoting, and neutralising cells a spreadsheet would run as a
// formula (CSV injection: `=HYPERLINK(…)` typed as a name). A cell beginning with = + - @, tab or carriage
// return gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
const formulaStart = /^[=+\-@\t\r]/;
const needsQuotes = /[",\r\n]/;

/** The UTF-8 byte order mark: Excel reads the file as UTF-8 only with it (names in every script). */
export const utf8Bom = '\uFEFF';

/** A text as its cell shows it: with the apostrophe before a formula's first character. */
export function neutralised(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralised(value) : String(value);
  return needsQuotes.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
