// An editor adds a partner organisation to a campaign: name, link, description and an optional logo, which
// the ImageStore decodes, strips and resizes (or refuses, and the form says why). Every problem is reported
// at once; nothing is saved unless all is well.
import type { ImageStore, ImageUpload } from '../shared/image.ports.js';
import type { CampaignFormResult } from './campaign.js';
import type { ActorRef, PartnerDeps } from './campaign-roster.ports.js';
import {
  type PartnerErrors,
  type PartnerFields,
  type PartnerInput,
  validatePartner,
} from './partner-fields.js';

export type PartnerResult = CampaignFormResult<{ status: 'ok'; id: number }, PartnerErrors>;

/**
 * The text fields judged and the logo (when one was chosen) stored, every problem reported together; the
 * logo's public path is null when no file was chosen.
 */
export async function checkPartner(
  images: ImageStore,
  fields: PartnerInput,
  logo: ImageUpload | undefined,
): Promise<
  | { ok: true; value: Omit<PartnerFields, 'logoPath'>; logoPath: string | null }
  | { ok: false; errors: PartnerErrors }
> {
  const checked = validatePartner(fields);
  const stored = logo ? await images.store(logo, 'logo') : { path: null };
  if (!checked.ok || 'error' in stored) {
    const errors = {
      ...(checked.ok ? {} : checked.errors),
      ...('error' in stored ? { logo: stored.error } : {}),
    };
    return { ok: false, errors };
  }
  return { ok: true, value: checked.value, logoPath: stored.path };
}

export async function addPartner(
  deps: PartnerDeps,
  actor: ActorRef,
  input: { slug: string; fields: PartnerInput; logo?: ImageUpload | undefined },
): Promise<PartnerResult> {
  const campaign = await deps.partners.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const checked = await checkPartner(deps.images, input.fields, input.logo);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  const { id } = await deps.partners.addPartner(
    campaign.id,
    { ...checked.value, logoPath: checked.logoPath },
    actor,
    deps.clock.now(),
  );
  return { status: 'ok', id };
}
