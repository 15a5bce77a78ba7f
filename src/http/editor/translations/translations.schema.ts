// The bodies of the translation editors' forms: the side-by-side forms of campaigns and mailings (with which
// button was pressed), the reviewer's send-back note and the glossary's terms (the preview's is in
// markdown-preview.ts). The use cases check the values.
import { z } from 'zod';
import { field } from '../../schema-fields.js';

export const translationForm = z.object({
  token: field(100),
  headline: field(5_000),
  backgroundMd: field(200_000),
  defaultMessage: field(50_000),
  targetSubject: field(5_000),
  targetSalutation: field(5_000),
  markUpdated: field(10),
  intent: field(20),
});
export const sendBackForm = z.object({ token: field(100), note: field(20_000) });
export const mailingTranslationForm = z.object({
  token: field(100),
  subject: field(5_000),
  preheader: field(5_000),
  bodyMd: field(400_000),
  markUpdated: field(10),
  intent: field(20),
});
export const glossaryTermForm = z.object({ term: field(2_000), rendering: field(2_000), note: field(5_000) });
export const glossaryRemoveForm = z.object({ id: field(20) });
