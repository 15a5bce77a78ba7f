// A supporter asks for a link to their data. Whatever the address, the answer is the same and the same
// work is done: one lookup, one link row, one mail job (an unknown address gets a link that shows it holds
// nothing). Over the hourly limits (per network, per address) nothing is sent, and the answer is the same.
import type { Clock } from '../shared/clock.js';
import { parseEmail } from '../signature/email-address.js';
import type { RateLimiter } from '../signature/signature.ports.js';
import { myDataLinkMs } from './my-data-mail.js';
import type { PrivacyStore } from './privacy.ports.js';

export interface RequestMyDataDeps {
  privacy: Pick<PrivacyStore, 'findSupporter' | 'issueLink'>;
  tokens: { confirmationToken(): { token: string; hash: string } };
  rateLimiter: RateLimiter;
  clock: Clock;
  /** A keyed hash of the canonical address: the per-address rate-limit key (no address kept in memory). */
  addressKey(canonical: string): string;
}

/** A person asks once or twice; a script asking for many addresses from one network is stopped early. */
export const myDataRateLimits = { ipPerHour: 10, domainPerHour: 3 } as const;

export type RequestMyDataResult = { status: 'sent' } | { status: 'invalid' };

export async function requestMyData(
  deps: RequestMyDataDeps,
  req: { email: string; locale: string; ipKey: string },
): Promise<RequestMyDataResult> {
  const parsed = parseEmail(req.email);
  if (!parsed.ok) return { status: 'invalid' };
  const now = deps.clock.now();
  const limited = await deps.rateLimiter.hit(
    { ip: req.ipKey, emailDomain: deps.addressKey(parsed.email.canonical) },
    now,
  );
  if (limited.over) return { status: 'sent' };
  const supporter = await deps.privacy.findSupporter(parsed.email.canonical);
  const { token, hash } = deps.tokens.confirmationToken();
  await deps.privacy.issueLink({
    tokenHash: hash,
    supporterId: supporter?.id ?? null,
    expiresAt: now + myDataLinkMs,
    now,
    mail: { to: parsed.email.address, locale: req.locale, token },
  });
  return { status: 'sent' };
}
