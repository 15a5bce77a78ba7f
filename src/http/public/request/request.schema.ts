// The shape of a campaign request POST (multipart: the union's logo and a photo may come with it). Only these
// fields are read; the domain checks the values (request-input.ts) and names what is wrong.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';

export const requestBodySchema = z.object({
  orgName: field(2_000),
  orgDescription: field(20_000),
  orgWebsite: field(4_000),
  contactName: field(2_000),
  contactEmail: field(2_000),
  language: field(50),
  headline: field(4_000),
  background: field(100_000),
  message: field(50_000),
  moreInfoUrl: field(4_000),
  targets: field(50_000),
  terms: z.string().max(10).optional(),
  termsVersion: field(30),
  token: field(300),
  reference: field(2_000),
  logo: uploadField,
  photo: uploadField,
});
