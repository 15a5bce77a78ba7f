// An editor removes a target or union copy address. Its messages that have not gone out (queued, deferred,
// held) are cancelled: deleted with the target, never sent, and counted so the page can say how many. A
// message a worker is sending at this moment cannot be cancelled, so removal waits until it is recorded.
// The record of sent messages goes too (supporters' status pages then count one address fewer); the audit
// entry keeps the target and both numbers. See docs/decisions/0011-targets-and-partners.md.

import type { ActorRef, RemoveTargetOutcome, TargetDeps } from './campaign-roster.ports.js';

export async function removeTarget(
  deps: TargetDeps,
  actor: ActorRef,
  input: { slug: string; targetId: number },
): Promise<RemoveTargetOutcome> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  return deps.targets.removeTarget(campaign.id, input.targetId, actor, deps.clock.now());
}
