// An editor removes a partner from a campaign; the public page stops naming it at once. The logo file
// stays in the media folder: names are content hashes, so another campaign may use the same picture.
import type { ActorRef, PartnerDeps } from './campaign-roster.ports.js';

export async function removePartner(
  deps: Pick<PartnerDeps, 'partners' | 'clock'>,
  actor: ActorRef,
  input: { slug: string; partnerId: number },
): Promise<{ status: 'ok' | 'not_found' }> {
  const campaign = await deps.partners.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const ok = await deps.partners.removePartner(campaign.id, input.partnerId, actor, deps.clock.now());
  return { status: ok ? 'ok' : 'not_found' };
}
