// An editor moves a partner one place up or down: the order of the names in "In partnership with …".
import type { ActorRef, Direction, PartnerDeps } from './campaign-roster.ports.js';

export async function movePartner(
  deps: Pick<PartnerDeps, 'partners' | 'clock'>,
  actor: ActorRef,
  input: { slug: string; partnerId: number; direction: Direction },
): Promise<{ status: 'ok' | 'not_found' }> {
  const campaign = await deps.partners.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const known = (await deps.partners.partners(campaign.id)).some((p) => p.id === input.partnerId);
  if (!known) return { status: 'not_found' };
  // Already first (or last): nothing to do, and nothing wrong either.
  await deps.partners.movePartner(campaign.id, input.partnerId, input.direction, actor, deps.clock.now());
  return { status: 'ok' };
}
