// Takes the photo off the campaign page (and its alt text off the source-language text). The picture file
// stays under /media/: names are derived from content, so another campaign may be showing the same one.
import type { ActorRef, CampaignEditDeps } from './edit-campaign.js';

export type RemovePhotoResult = { status: 'removed' | 'no_photo' | 'not_found' };

export async function removeCampaignPhoto(
  deps: CampaignEditDeps,
  actor: ActorRef,
  input: { slug: string },
): Promise<RemovePhotoResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };
  if (campaign.photoPath === null) return { status: 'no_photo' };
  const saved = await deps.campaigns.savePhoto({
    campaignId: campaign.id,
    before: { photoPath: campaign.photoPath, photoAlt: campaign.source?.photoAlt ?? '' },
    after: { photoPath: null, photoAlt: '' },
    action: 'campaign.photo_removed',
    actor,
    now: deps.clock.now(),
  });
  return { status: saved ? 'removed' : 'not_found' };
}
