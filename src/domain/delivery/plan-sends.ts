// Decides, at one moment, which targets get which messages: the pacing slot of each address (shared by
// every campaign that writes to it), office hours in the target's zone, paused or throttled destination
// domains, the per-domain concurrency left, and whether a digest replaces single letters. Pure: the
// dispatcher gives it what it read and what it has in flight, and claims what comes back.
import { addressDomain, type DeliveryPolicy } from './delivery.js';
import type { DomainState, SendCandidate, SendClaim } from './delivery.ports.js';
import { nextSendAt, slotsNow, withinOfficeHours } from './pacing.js';

export interface PlanInput {
  now: number;
  candidates: SendCandidate[];
  /** Next free slot per address; absent means free. */
  pacing: Map<string, number>;
  domains: Map<string, DomainState>;
  /** Messages already claimed or in flight per destination domain in this process. */
  busy: Map<string, number>;
  /** Most messages to claim in this round. */
  max: number;
  policy: Pick<DeliveryPolicy, 'domainConcurrency' | 'jitter'>;
  random: () => number;
}

/** A digest replaces single letters when more are waiting than an hour of the cap can carry. */
export function digestDue(c: SendCandidate, now: number): boolean {
  return (
    c.deliveryMode === 'digest' &&
    c.cap !== null &&
    c.waiting > c.cap &&
    (c.lastDigestAt === null || now - c.lastDigestAt >= c.digestIntervalMs)
  );
}

export function planSends(input: PlanInput): SendClaim[] {
  const { now, policy } = input;
  const claims: SendClaim[] = [];
  const slots = new Map<string, number>();
  const busy = new Map(input.busy);
  let left = input.max;
  const ordered = [...input.candidates].sort((a, b) => a.oldestMessageId - b.oldestMessageId);
  for (const c of ordered) {
    if (left <= 0) break;
    if (c.deliveryMode === 'petition_only' || c.waiting <= 0) continue;
    const domainName = addressDomain(c.address);
    const domain = input.domains.get(domainName);
    if (domain?.pausedAt) continue;
    if (domain?.throttledUntil && domain.throttledUntil > now) continue;
    if (!withinOfficeHours(now, c.officeHours, c.timeZone)) continue;
    // Claim up to four times the domain's concurrency, so the next sends start as soon as one finishes.
    const concurrency = domain?.concurrency ?? policy.domainConcurrency;
    const domainRoom = 4 * concurrency - (busy.get(domainName) ?? 0);
    if (domainRoom <= 0) continue;
    let addressSlots = slots.get(c.address);
    if (addressSlots === undefined)
      addressSlots = slotsNow(now, input.pacing.get(c.address) ?? 0, c.cap, left);
    if (addressSlots <= 0) continue;
    const digest = digestDue(c, now);
    const count = digest ? 1 : Math.min(addressSlots, domainRoom, c.waiting, left);
    slots.set(c.address, addressSlots - count);
    busy.set(domainName, (busy.get(domainName) ?? 0) + count);
    left -= count;
    claims.push({
      targetId: c.targetId,
      address: c.address,
      count,
      digest,
      nextSendAt: nextSendAt(now, count, c.cap, policy.jitter, input.random()),
    });
  }
  // Two targets sharing an address: the later claim's slot must not end before the earlier one's.
  const latest = new Map<string, number>();
  for (const claim of claims)
    latest.set(claim.address, Math.max(latest.get(claim.address) ?? 0, claim.nextSendAt));
  for (const claim of claims) claim.nextSendAt = latest.get(claim.address)!;
  return claims;
}
