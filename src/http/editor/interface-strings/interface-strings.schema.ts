// The bodies and queries of the interface strings' pages: the board's filters and page, one correction
// (which button was pressed, the filtered page to return to), the XLIFF upload. The use cases check values.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';

export const boardQuery = z.object({
  state: z.enum(['all', 'not-reviewed', 'reviewed', 'overridden']).catch('all'),
  ns: z.enum(['all', 'supporter', 'editor']).catch('all'),
  q: z.string().max(200).catch(''),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  done: z.enum(['saved', 'reviewed', 'unchanged']).optional().catch(undefined),
});

// Far above the domain's limit, so that a long text gets the translated "too long", not a 400.
export const correctionForm = z.object({
  key: field(200),
  message: field(40_000),
  intent: field(20),
  back: field(1_000),
});

export const importForm = z.object({ file: uploadField });
