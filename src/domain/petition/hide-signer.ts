// Editors hide a signer from the public petition (a name that endangers someone, an insult typed as a
// name) or show them again. The signature still counts and its messages are unaffected: only the petition
// and its printouts leave it out. Audited with who, when and which signature.
import type { CampaignReader } from '../campaign/campaign.ports.js';
import type { ActorRef } from '../campaign/edit-campaign.js';
import type { Clock } from '../shared/clock.js';
import type { PetitionModeration } from './petition.js';

export interface HideSignerDeps {
  campaigns: CampaignReader;
  moderation: PetitionModeration;
  clock: Clock;
}

export async function setSignerHidden(
  deps: HideSignerDeps,
  actor: ActorRef,
  input: { slug: string; signatureId: number; hidden: boolean },
): Promise<{ status: 'changed' | 'unchanged' | 'not_found' }> {
  const campaign = await deps.campaigns.findBySlug(input.slug);
  if (!campaign) return { status: 'not_found' };
  const status = await deps.moderation.setHidden({
    campaignId: campaign.id,
    signatureId: input.signatureId,
    hidden: input.hidden,
    actor,
    now: deps.clock.now(),
  });
  return { status };
}
