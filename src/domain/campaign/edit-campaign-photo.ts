// Sets the campaign photo and its alt text. A new picture goes through the ImageStore port (decoded,
// stripped of metadata, shrunk, re-encoded: we serve an image we made, never the uploaded bytes); the alt
// text lives on the source-language text so translators carry it to the other languages. Without a new
// file, the form changes only the alt text of the photo already there.
import type { ImageError, ImageUpload } from '../shared/image.ports.js';
import { normaliseLine } from '../signature/text.js';
import { type ActorRef, type PhotoDeps, textLimits } from './edit-campaign.js';

export type PhotoField = 'photo' | 'alt';
export type PhotoError = ImageError | 'PhotoRequired' | 'Required' | 'TooLong' | 'InvalidCharacters';
export type PhotoErrors = Partial<Record<PhotoField, PhotoError>>;

export type PhotoResult =
  | { status: 'saved'; changed: boolean }
  | { status: 'not_found' }
  /** The photo's alt text is stored with the source-language text, which must be written first. */
  | { status: 'no_source_text' }
  | { status: 'invalid'; errors: PhotoErrors };

export async function editCampaignPhoto(
  deps: PhotoDeps,
  actor: ActorRef,
  input: { slug: string; upload: ImageUpload | undefined; alt: string },
): Promise<PhotoResult> {
  const campaign = await deps.campaigns.find(input.slug);
  if (!campaign) return { status: 'not_found' };
  if (!campaign.source) return { status: 'no_source_text' };
  const errors: PhotoErrors = {};
  const alt = normaliseLine(input.alt, { max: textLimits.photoAlt, required: true });
  if (!alt.ok) errors.alt = alt.error;
  if (!input.upload && campaign.photoPath === null) errors.photo = 'PhotoRequired';
  // The picture is stored only once the rest of the form is right: no orphan files for a missing caption.
  if (Object.keys(errors).length > 0 || !alt.ok) return { status: 'invalid', errors };
  let photoPath = campaign.photoPath;
  if (input.upload) {
    const stored = await deps.images.store(input.upload, 'photo');
    if ('error' in stored) return { status: 'invalid', errors: { photo: stored.error } };
    photoPath = stored.path;
  }
  const before = { photoPath: campaign.photoPath, photoAlt: campaign.source.photoAlt };
  const after = { photoPath, photoAlt: alt.value };
  if (before.photoPath === after.photoPath && before.photoAlt === after.photoAlt) {
    return { status: 'saved', changed: false };
  }
  const saved = await deps.campaigns.savePhoto({
    campaignId: campaign.id,
    before,
    after,
    action: 'campaign.photo_changed',
    actor,
    now: deps.clock.now(),
  });
  return saved ? { status: 'saved', changed: true } : { status: 'no_source_text' };
}
