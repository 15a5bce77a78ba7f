// The bodies of the partners page's forms: a partner (multipart, with its logo) and a move. Only these
// fields are read; the bounds are far above the rules', which give the translated errors.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';

export const partnerForm = z.object({
  name: field(20_000),
  url: field(20_000),
  description: field(100_000),
  removeLogo: field(10),
  logo: uploadField,
});
