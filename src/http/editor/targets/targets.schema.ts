// The bodies of the targets pages' forms: a target or copy address (add and edit), a move, the CSV import
// (a file or pasted text) and its confirmation, and the test message's target. Only these fields are read.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';
import { idPattern } from '../roster-routes.js';

// Bounds far above the rules' so that a 10 KB name gets the translated "too long", not a 400.
export const targetForm = z.object({
  kind: z.enum(['target', 'copy']).optional().default('target'),
  name: field(20_000),
  organisation: field(20_000),
  email: field(2_000),
  locale: field(200),
  timeZone: field(200),
  hourlyCap: field(200),
  countries: field(5_000),
});

/** A pasted CSV of 1 MB can triple when a browser percent-encodes it; the domain checks the real size. */
export const importBytes = 4 * 1024 * 1024;
export const importForm = z.object({
  csv: z.string().max(importBytes).optional(),
  file: uploadField,
});
export const confirmForm = z.object({ rows: z.string().max(importBytes) });

export const testForm = z.object({ targetId: z.string().regex(idPattern) });
