// What a volunteer types into the "Help translate" form, checked: a name, an address, at least one of the
// languages campaigns are written in, and an optional short note. Each wrong field gets its own code.
import { campaignLanguages } from '../campaign/create-campaign.js';
import { type EmailError, parseEmail } from '../signature/email-address.js';
import { normaliseLine, normaliseText } from '../signature/text.js';

export const applicationLimits = { name: 100, note: 1_000 } as const;

export interface RawApplicationInput {
  name: string;
  email: string;
  languages: string[];
  note: string;
}

export type ApplicationField = 'name' | 'email' | 'languages' | 'note';
export type ApplicationError =
  | 'NameRequired'
  | 'NameTooLong'
  | 'NameInvalid'
  | EmailError
  | 'LanguagesRequired'
  | 'MessageTooLong';
export type ApplicationErrors = Partial<Record<ApplicationField, ApplicationError>>;

export type ValidatedApplication =
  | { ok: true; input: { name: string; email: string; languages: string[]; note: string } }
  | { ok: false; errors: ApplicationErrors };

const known = new Set<string>(campaignLanguages);

export function validateApplicationInput(raw: RawApplicationInput): ValidatedApplication {
  const errors: ApplicationErrors = {};
  const name = normaliseLine(raw.name, { max: applicationLimits.name, required: true });
  if (!name.ok) {
    errors.name =
      name.error === 'Required' ? 'NameRequired' : name.error === 'TooLong' ? 'NameTooLong' : 'NameInvalid';
  }
  const email = parseEmail(raw.email);
  if (!email.ok) errors.email = email.error;
  // Only offered languages count: a forged tag is dropped, and none left is the same as none chosen.
  const languages = [...new Set(raw.languages.filter((l) => known.has(l)))].sort();
  if (languages.length === 0) errors.languages = 'LanguagesRequired';
  const note = normaliseText(raw.note, { max: applicationLimits.note });
  if (!note.ok && note.error === 'TooLong') errors.note = 'MessageTooLong';
  if (!name.ok || !email.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    input: { name: name.value, email: email.email.address, languages, note: note.ok ? note.value : '' },
  };
}
