// An editor moves a target (or copy address) one place up or down among those of its kind: the order the
// public page lists them in and the order their messages are written.
import type { ActorRef, Direction, TargetDeps } from './campaign-roster.ports.js';

export async function moveTarget(
  deps: TargetDeps,
  actor: ActorRef,
  input: { slug: string; targetId: number; direction: Direction },
): Promise<{ status: 'ok' | 'not_found' }> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const known = (await deps.targets.targets(campaign.id)).some((t) => t.id === input.targetId);
  if (!known) return { status: 'not_found' };
  // At the top (or bottom) already: nothing to do, and nothing wrong either.
  await deps.targets.moveTarget(campaign.id, input.targetId, input.direction, actor, deps.clock.now());
  return { status: 'ok' };
}
