// The per-row report of an import as a CSV file the editor downloads and keeps beside the imported file:
// row number (the spreadsheet's), the address as the file had it, and the outcome code.
import { csvLine, utf8Bom } from '../petition/csv.js';
import type { ImportReportRow } from './import-subscribers.js';

export function importReportCsv(rows: readonly ImportReportRow[]): string {
  let text = utf8Bom + csvLine(['row', 'email', 'outcome']);
  for (const r of rows) text += csvLine([r.row, r.email, r.outcome]);
  return text;
}
