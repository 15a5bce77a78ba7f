// The sign-up form's rules, whatever the transport: an address, an optional name, a country, the list, and
// the consent box, which must be ticked (it is never ticked for the person). Every field error at once.
import type { EmailAddress, EmailError } from '../signature/email-address.js';
import { readCountry, readEmail } from '../signature/sign-input.js';
import { normaliseLine } from '../signature/text.js';
import { isListLanguage } from './membership.js';

export const signupLimits = { name: 100 } as const;

export type SignupField = 'email' | 'name' | 'country' | 'list' | 'consent';

export type SignupFieldError =
  | EmailError
  | 'NameTooLong'
  | 'NameInvalid'
  | 'CountryRequired'
  | 'CountryInvalid'
  | 'ListInvalid'
  | 'ConsentRequired';

export interface RawSignupInput {
  email: string;
  name: string;
  country: string;
  list: string;
  consent: boolean;
}

export interface SignupInput {
  email: EmailAddress;
  name: string;
  country: string;
  list: string;
}

export type SignupErrors = Partial<Record<SignupField, SignupFieldError>>;

export function validateSignupInput(
  raw: RawSignupInput,
  pageLocale: string,
): { ok: true; input: SignupInput } | { ok: false; errors: SignupErrors } {
  const errors: SignupErrors = {};
  const email = readEmail(raw.email);
  if (!email.ok) errors.email = email.error;
  const name = normaliseLine(raw.name, { max: signupLimits.name, required: false });
  if (!name.ok) errors.name = name.error === 'TooLong' ? 'NameTooLong' : 'NameInvalid';
  const country = readCountry(raw.country, errors);
  if (!isListLanguage(raw.list, pageLocale)) errors.list = 'ListInvalid';
  if (!raw.consent) errors.consent = 'ConsentRequired';
  if (!email.ok || !name.ok || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { email: email.email, name: name.value, country, list: raw.list } };
}
