// The rules of the "Request a campaign" form, whatever the transport: which fields exist, their limits,
// how they are normalised (the sign form's rules for names and texts), web addresses, and the target list,
// typed one per line as `Name <address>`. Returns the clean input or every field's error at once.
import { campaignLanguages, headlineMax, readHeadline } from '../campaign/create-campaign.js';
import type { ImageError } from '../shared/image.ports.js';
import { oneOf, trimEndWhile, trimStartWhile } from '../shared/trim.js';
import { type EmailError, parseEmail } from '../signature/email-address.js';
import { signLimits } from '../signature/sign-input.js';
import { normaliseLine, normaliseText } from '../signature/text.js';
import type { RequestTarget } from './request.js';

export const requestLimits = {
  orgName: 200,
  orgDescription: 2_000,
  contactName: 100,
  headline: headlineMax,
  background: 20_000,
  /** The sign form's message limit: the default message is what supporters start from. */
  message: signLimits.message,
  url: 2_000,
  targetName: 200,
  targets: 50,
} as const;

export const requestFields = [
  'orgName',
  'orgDescription',
  'orgWebsite',
  'logo',
  'contactName',
  'contactEmail',
  'language',
  'headline',
  'background',
  'message',
  'moreInfoUrl',
  'photo',
  'targets',
  'terms',
] as const;
export type RequestField = (typeof requestFields)[number];

export type RequestErrorCode =
  | 'Required'
  | 'TooLong'
  | 'InvalidCharacters'
  | 'UrlInvalid'
  | EmailError
  | 'LanguageInvalid'
  | 'TargetsTooMany'
  | 'TargetNoAddress'
  | 'TargetNameRequired'
  | 'TargetNameInvalid'
  | 'TargetEmailInvalid'
  | 'TargetDuplicate'
  | 'TermsRequired'
  | 'TermsChanged'
  | ImageError;

export interface RequestFieldError {
  code: RequestErrorCode;
  /** Target list errors: the line (1-based) the problem is on. */
  line?: number;
}

export type RequestErrors = Partial<Record<RequestField, RequestFieldError>>;

export interface RawRequestInput {
  orgName: string;
  orgDescription: string;
  orgWebsite: string;
  contactName: string;
  contactEmail: string;
  language: string;
  headline: string;
  background: string;
  message: string;
  moreInfoUrl: string;
  /** One target per line: `Name <address>`. */
  targets: string;
  terms: boolean;
}

export interface RequestInput {
  orgName: string;
  orgDescription: string;
  orgWebsite: string | null;
  contactName: string;
  /** As typed (trimmed, domain in ASCII): mail goes to it. */
  contactEmail: string;
  language: string;
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  moreInfoUrl: string | null;
  targets: RequestTarget[];
}

/**
 * An optional web address: http(s) only, a dotted host name, no credentials. A bare `union.org/page` gets
 * https:// in front (that is how people copy addresses from a browser bar).
 */
export function readWebAddress(text: string): { ok: true; value: string | null } | { ok: false } {
  const typed = text.normalize('NFC').trim();
  if (typed === '') return { ok: true, value: null };
  if (typed.length > requestLimits.url || /\s/.test(typed)) return { ok: false };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? typed : `https://${typed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false };
  if (url.username || url.password || !/^[^.]+(\.[^.]+)+$/.test(url.hostname)) return { ok: false };
  // Percent-encoding can make the stored form several times longer than what was typed.
  if (url.href.length > requestLimits.url) return { ok: false };
  return { ok: true, value: url.href };
}

/**
 * The longest target line worth reading: a name, an address (254) and the punctuation between them. Longer
 * lines are refused before any parsing, so no line can make the parser work hard.
 */
export const targetLineMax = requestLimits.targetName + 254 + 46;

/** Separators around the address: whitespace, the angle brackets and the list punctuation people type. */
const isSeparator = (c: string) => /^[\s<>,;:]$/u.test(c);
/** What may follow the address: `>`, then spaces and closing punctuation. */
const isTrailer = (c: string) => /^[\s.,;]$/u.test(c);
/** What may end the name: separators, quotes and dashes ("Ana Souza –", `"Ana",`). */
const isNameEnd = (c: string) => /^["'“”\s,;:–—-]$/u.test(c);
const isQuote = oneOf('"\'“”');

/**
 * `Name <address>`, `Name, address` or `Name address`: the address is the last word with an @. One pass
 * from the end of the line, no backtracking: the line is at most `targetLineMax` characters.
 */
function parseTargetLine(
  line: string,
): { ok: true; target: RequestTarget; canonical: string } | RequestFieldError {
  if (line.length > targetLineMax) return { code: 'TargetNameInvalid' };
  let end = trimEndWhile(line, isTrailer).length;
  if (line[end - 1] === '>') end--;
  let start = end;
  while (start > 0 && !isSeparator(line[start - 1]!)) start--;
  const address = line.slice(start, end);
  const at = address.indexOf('@');
  if (at <= 0 || at === address.length - 1) return { code: 'TargetNoAddress' };
  const email = parseEmail(address);
  if (!email.ok) return { code: 'TargetEmailInvalid' };
  if (line[start - 1] === '<') start--;
  const name = normaliseLine(trimEndWhile(trimStartWhile(line.slice(0, start), isQuote), isNameEnd), {
    max: requestLimits.targetName,
    required: true,
  });
  if (!name.ok) return { code: name.error === 'Required' ? 'TargetNameRequired' : 'TargetNameInvalid' };
  return {
    ok: true,
    target: { name: name.value, email: email.email.address },
    canonical: email.email.canonical,
  };
}

/**
 * The target list: every non-empty line one target; the first wrong line is reported with its number. The
 * lines are counted before any is read.
 */
export function readTargets(
  text: string,
): { ok: true; targets: RequestTarget[] } | { ok: false; error: RequestFieldError } {
  const lines = text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, index) => ({ line: raw.trim(), number: index + 1 }))
    .filter((l) => l.line !== '');
  if (lines.length === 0) return { ok: false, error: { code: 'Required' } };
  if (lines.length > requestLimits.targets) return { ok: false, error: { code: 'TargetsTooMany' } };
  const targets: RequestTarget[] = [];
  const seen = new Set<string>();
  for (const { line, number } of lines) {
    const parsed = parseTargetLine(line);
    if (!('ok' in parsed)) return { ok: false, error: { ...parsed, line: number } };
    if (seen.has(parsed.canonical)) return { ok: false, error: { code: 'TargetDuplicate', line: number } };
    seen.add(parsed.canonical);
    targets.push(parsed.target);
  }
  return { ok: true, targets };
}

const isRequestLanguage = (tag: string): boolean => (campaignLanguages as readonly string[]).includes(tag);

export function validateRequestInput(
  raw: RawRequestInput,
): { ok: true; input: RequestInput } | { ok: false; errors: RequestErrors } {
  const errors: RequestErrors = {};
  const line = (field: RequestField, value: string, max: number) => {
    const r = normaliseLine(value, { max, required: true });
    if (!r.ok) errors[field] = { code: r.error };
    return r.ok ? r.value : '';
  };
  const text = (field: RequestField, value: string, max: number) => {
    const r = normaliseText(value, { max });
    if (!r.ok) errors[field] = { code: r.error };
    return r.ok ? r.value : '';
  };
  const url = (field: RequestField, value: string) => {
    const r = readWebAddress(value);
    if (!r.ok) errors[field] = { code: 'UrlInvalid' };
    return r.ok ? r.value : null;
  };

  const orgName = line('orgName', raw.orgName, requestLimits.orgName);
  const orgDescription = text('orgDescription', raw.orgDescription, requestLimits.orgDescription);
  const orgWebsite = url('orgWebsite', raw.orgWebsite);
  const contactName = line('contactName', raw.contactName, requestLimits.contactName);
  const email = parseEmail(raw.contactEmail);
  if (!email.ok) errors.contactEmail = { code: email.error };
  const language = raw.language.trim();
  if (!isRequestLanguage(language)) errors.language = { code: 'LanguageInvalid' };
  const headline = readHeadline(raw.headline);
  if (!headline.ok) errors.headline = { code: headline.error };
  const backgroundMd = text('background', raw.background, requestLimits.background);
  const defaultMessage = text('message', raw.message, requestLimits.message);
  const moreInfoUrl = url('moreInfoUrl', raw.moreInfoUrl);
  const targets = readTargets(raw.targets);
  if (!targets.ok) errors.targets = targets.error;
  if (!raw.terms) errors.terms = { code: 'TermsRequired' };

  if (!email.ok || !headline.ok || !targets.ok || Object.keys(errors).length > 0)
    return { ok: false, errors };
  return {
    ok: true,
    input: {
      orgName,
      orgDescription,
      orgWebsite,
      contactName,
      contactEmail: email.email.address,
      language,
      headline: headline.value,
      backgroundMd,
      defaultMessage,
      moreInfoUrl,
      targets: targets.targets,
    },
  };
}
