// Email addresses as supporters type them. We keep what they typed (for mail) and derive a canonical form
// for dedupe: lower case, IDN domains in punycode, `+tags` dropped, and Gmail's ignored dots removed.
// See docs/decisions/0003-email-canonicalisation.md for why +tags are dropped for every provider.
import { domainToASCII } from 'node:url';

export type EmailError = 'EmailRequired' | 'EmailInvalid' | 'EmailTooLong';

export interface EmailAddress {
  /** As typed, trimmed and NFC-normalised, domain converted to ASCII (for mailing). */
  address: string;
  /** For dedupe only; never mailed. */
  canonical: string;
}

const gmailDomains = new Set(['gmail.com', 'googlemail.com']);
// RFC 5322 dot-atom local part, with letters and digits of any script (RFC 6531); quoted local parts and
// comments are refused (nobody signs with them; in form logs they are injection attempts).
// Tested one dot-separated atom at a time: a single character class, nothing to backtrack over.
const atom = /^[\p{L}\p{M}\p{N}!#$%&'*+/=?^_`{|}~-]+$/u;
const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const plainAscii = /^[a-z0-9.-]+$/;

export function parseEmail(
  input: string,
): { ok: true; email: EmailAddress } | { ok: false; error: EmailError } {
  const typed = input.normalize('NFC').trim();
  if (typed === '') return { ok: false, error: 'EmailRequired' };
  if (typed.length > 254) return { ok: false, error: 'EmailTooLong' };
  const at = typed.lastIndexOf('@');
  if (at <= 0 || at !== typed.indexOf('@')) return { ok: false, error: 'EmailInvalid' };
  const local = typed.slice(0, at);
  const rawDomain = typed.slice(at + 1).replace(/\.$/, '');
  if (local.length > 64 || !local.split('.').every((a) => atom.test(a)))
    return { ok: false, error: 'EmailInvalid' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  if (/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]/u.test(rawDomain))
    return { ok: false, error: 'EmailInvalid' };
  // Plain ASCII domains (nearly all) are already what IDNA would give; only others go through it.
  const lower = rawDomain.toLowerCase();
  const domain = plainAscii.test(lower) && !lower.includes('xn--') ? lower : domainToASCII(lower);
  if (!domain || domain.length > 253) return { ok: false, error: 'EmailInvalid' };
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => label.test(l)) || /^\d+$/.test(labels.at(-1)!)) {
    return { ok: false, error: 'EmailInvalid' };
  }
  let canonicalLocal = local.toLowerCase().split('+')[0]!;
  let canonicalDomain = domain;
  if (gmailDomains.has(domain)) {
    canonicalLocal = canonicalLocal.replaceAll('.', '');
    canonicalDomain = 'gmail.com';
  }
  if (canonicalLocal === '') return { ok: false, error: 'EmailInvalid' };
  return {
    ok: true,
    email: { address: `${local}@${domain}`, canonical: `${canonicalLocal}@${canonicalDomain}` },
  };
}

/**
 * The canonical form of an address as stored (what the person typed, once parsed). Stored rows keep only
 * a blind index of it (decision 0023), so whoever needs the form itself derives it again from the address.
 */
export function canonicalOf(stored: string): string {
  const parsed = parseEmail(stored);
  return parsed.ok ? parsed.email.canonical : stored.toLowerCase();
}
