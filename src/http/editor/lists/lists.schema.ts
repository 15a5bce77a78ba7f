// The bodies and queries of the lists pages: the import form (multipart: list, consent source, file), the
// report download, the suppressed addresses' page and search (sent by POST). Only these fields are read.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';

// Bounds far above the rules' so that a long consent text gets the translated "too long", not a 400.
export const importForm = z.object({
  locale: field(200),
  consentSource: field(20_000),
  file: uploadField,
});

/** A 100,000-row report is about 2 MB once deflated and encoded. */
export const reportBytes = 16 * 1024 * 1024;
export const reportForm = z.object({ report: z.string().max(reportBytes) });

const cursor = /^([0-9]{1,15})\.([1-9][0-9]{0,14})$/;
export const suppressedQuery = z.object({ after: z.string().regex(cursor).optional() });
export const suppressedSearch = z.object({
  q: z.string().max(400).optional().default(''),
  after: z.string().regex(cursor).optional(),
});

export function parseCursor(text: string | undefined): { suppressedAt: number; id: number } | null {
  const m = text === undefined ? null : cursor.exec(text);
  return m ? { suppressedAt: Number(m[1]), id: Number(m[2]) } : null;
}
