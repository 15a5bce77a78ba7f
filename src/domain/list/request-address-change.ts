// A new address for a person on the lists, asked for on the preferences page: a link is mailed to the NEW
// address, and nothing changes until its button is pressed (confirm-address-change.ts), so nobody can move
// someone's mailings to an address they do not hold. The answer is the same whatever happens next.
import type { Clock } from '../shared/clock.js';
import { type EmailError, parseEmail } from '../signature/email-address.js';
import type { RateLimiter } from '../signature/signature.ports.js';
import type { AddressTokens, ListStore } from './list.ports.js';
import { addressChangeMs } from './list-mail.js';

/** What both halves of an address change need. */
export interface AddressChangeDeps {
  lists: Pick<ListStore, 'person' | 'queueMail' | 'changeAddress'>;
  addressTokens: AddressTokens;
  clock: Clock;
}

export type RequestAddressChangeResult = { status: 'sent' } | { status: 'invalid'; error: EmailError };

export async function requestAddressChange(
  deps: AddressChangeDeps & { rateLimiter: RateLimiter },
  req: { supporterId: number; email: string; pageLocale: string; ipKey: string },
): Promise<RequestAddressChangeResult> {
  const parsed = parseEmail(req.email);
  if (!parsed.ok) return { status: 'invalid', error: parsed.error };
  const now = deps.clock.now();
  const person = await deps.lists.person(req.supporterId);
  if (!person) return { status: 'sent' };
  // One person's link should not mail many addresses: limited per person and per network.
  const limited = await deps.rateLimiter.hit(
    { ip: req.ipKey, emailDomain: `person:${req.supporterId}` },
    now,
  );
  if (limited.over) return { status: 'sent' };
  const token = deps.addressTokens.issue({
    supporterId: person.supporterId,
    fromCanonical: person.emailCanonical,
    address: parsed.email.address,
    expiresAt: now + addressChangeMs,
  });
  await deps.lists.queueMail(
    { kind: 'confirm-address', to: parsed.email.address, locale: req.pageLocale, token },
    now,
  );
  return { status: 'sent' };
}
