// The button behind an address-change link. The link carries the new address signed together with the
// person and their current address (security/address-token.ts), so it works once: after this change, or
// any other, the old address no longer matches. A new address that another supporter already has is
// refused here, once the person has proved it is theirs, with a message saying so.
import { parseEmail } from '../signature/email-address.js';
import type { AddressChangeOutcome } from './list.ports.js';
import type { AddressChangeDeps } from './request-address-change.js';

export type ConfirmAddressChangeResult =
  | { status: AddressChangeOutcome; supporterId: number }
  | { status: 'invalid' };

/** Whether a link could still change an address (the GET page shows its button only then). */
export async function addressChangeUsable(deps: AddressChangeDeps, token: string): Promise<boolean> {
  return (await checkedChange(deps, token)) !== null;
}

async function checkedChange(deps: AddressChangeDeps, token: string) {
  const claimed = deps.addressTokens.read(token);
  if (!claimed || claimed.expiresAt < deps.clock.now()) return null;
  const person = await deps.lists.person(claimed.supporterId);
  if (!person || !deps.addressTokens.verify(token, person.emailCanonical)) return null;
  const parsed = parseEmail(claimed.address);
  return parsed.ok ? { person, email: parsed.email } : null;
}

export async function confirmAddressChange(
  deps: AddressChangeDeps,
  token: string,
): Promise<ConfirmAddressChangeResult> {
  const checked = await checkedChange(deps, token);
  if (!checked) return { status: 'invalid' };
  const outcome = await deps.lists.changeAddress({
    supporterId: checked.person.supporterId,
    fromCanonical: checked.person.emailCanonical,
    email: checked.email,
    now: deps.clock.now(),
  });
  return { status: outcome, supporterId: checked.person.supporterId };
}
