// The sign form's rules, whatever the transport: which fields exist, how long they may be, how they are
// normalised. Returns the clean input or every field error at once (the page shows them all).
import { isCountryCode } from './countries.js';
import { type EmailAddress, parseEmail } from './email-address.js';
import { brokenEncoding, normaliseLine, normaliseText } from './text.js';

export const signLimits = { name: 100, union: 150, message: 5_000, source: 100 } as const;

export type SignFieldError =
  | 'NameRequired'
  | 'NameTooLong'
  | 'NameInvalid'
  | 'EmailRequired'
  | 'EmailInvalid'
  | 'EmailTooLong'
  | 'UnionTooLong'
  | 'UnionInvalid'
  | 'CountryRequired'
  | 'CountryInvalid'
  | 'MessageRequired'
  | 'MessageTooLong'
  | 'MessageInvalid';

export type SignField = 'name' | 'email' | 'union' | 'country' | 'message';

export interface RawSignInput {
  name: string;
  email: string;
  union: string;
  country: string;
  message: string;
  alerts: boolean;
  /** Appear on the petition as "a supporter from <country>" instead of by name; never pre-ticked. */
  anonymous: boolean;
  source: string;
}

export interface SignInput {
  name: string;
  email: EmailAddress;
  union: string | null;
  country: string;
  message: string;
  alerts: boolean;
  anonymous: boolean;
  source: string | null;
}

/** An address as typed into a form: refused as it is when its encoding is broken, else parsed. */
export function readEmail(typed: string) {
  return brokenEncoding(typed) ? ({ ok: false, error: 'EmailInvalid' } as const) : parseEmail(typed);
}

/** The country chosen, in upper case; a missing or unknown one is noted in `errors` (sign and sign-up). */
export function readCountry<E extends string>(
  typed: string,
  errors: { country?: E | 'CountryRequired' | 'CountryInvalid' },
): string {
  const country = typed.trim().toUpperCase();
  if (country === '') errors.country = 'CountryRequired';
  else if (!isCountryCode(country)) errors.country = 'CountryInvalid';
  return country;
}

export function validateSignInput(
  raw: RawSignInput,
): { ok: true; input: SignInput } | { ok: false; errors: Partial<Record<SignField, SignFieldError>> } {
  const errors: Partial<Record<SignField, SignFieldError>> = {};
  const name = normaliseLine(raw.name, { max: signLimits.name, required: true });
  if (!name.ok)
    errors.name =
      name.error === 'Required' ? 'NameRequired' : name.error === 'TooLong' ? 'NameTooLong' : 'NameInvalid';
  const email = readEmail(raw.email);
  if (!email.ok) errors.email = email.error;
  const union = normaliseLine(raw.union, { max: signLimits.union, required: false });
  if (!union.ok) errors.union = union.error === 'TooLong' ? 'UnionTooLong' : 'UnionInvalid';
  const country = readCountry(raw.country, errors);
  const message = normaliseText(raw.message, { max: signLimits.message });
  if (brokenEncoding(raw.message)) errors.message = 'MessageInvalid';
  else if (!message.ok) errors.message = message.error === 'Required' ? 'MessageRequired' : 'MessageTooLong';
  if (!name.ok || !email.ok || !union.ok || !message.ok || errors.country || errors.message) {
    return { ok: false, errors };
  }
  // Source tags come from links (?src=mailing-en-2): keep a safe, short token or nothing.
  const source = raw.source.trim().slice(0, signLimits.source);
  return {
    ok: true,
    input: {
      name: name.value,
      email: email.email,
      union: union.value || null,
      country,
      message: message.value,
      alerts: raw.alerts,
      anonymous: raw.anonymous,
      source: /^[A-Za-z0-9._:-]+$/.test(source) ? source : null,
    },
  };
}
