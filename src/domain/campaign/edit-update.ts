// Corrects a dated update already on the campaign page: its day, language or text (same rules as posting).
import type { ActorRef, CampaignEditDeps } from './edit-campaign.js';
import { readUpdate, type UpdateInput, type UpdateResult } from './post-update.js';

export async function editUpdate(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: UpdateInput & { id: number },
): Promise<UpdateResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign?.updates.some((u) => u.id === input.id)) return { status: 'not_found' };
  const now = deps.clock.now();
  const read = readUpdate(campaign, input, now);
  if (!read.ok) return { status: 'invalid', errors: read.errors };
  const changed = await deps.campaigns.changeUpdate({
    campaignId: campaign.id,
    id: input.id,
    values: read.values,
    actor,
    now,
  });
  return changed ? { status: 'saved', id: input.id } : { status: 'not_found' };
}
