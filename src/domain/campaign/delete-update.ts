// Takes a dated update off the campaign page (audited with its text, so nothing is lost without trace).
import type { ActorRef, CampaignEditDeps } from './edit-campaign.js';

export async function deleteUpdate(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: { slug: string; id: number },
): Promise<{ status: 'deleted' | 'not_found' }> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign?.updates.some((u) => u.id === input.id)) return { status: 'not_found' };
  const deleted = await deps.campaigns.deleteUpdate({
    campaignId: campaign.id,
    id: input.id,
    actor,
    now: deps.clock.now(),
  });
  return { status: deleted ? 'deleted' : 'not_found' };
}
