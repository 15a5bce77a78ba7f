// An editor changes a partner: its texts, and its logo (a new file replaces it, "remove the logo" drops it,
// neither keeps it). One audited change.
import type { ImageUpload } from '../shared/image.ports.js';
import { checkPartner, type PartnerResult } from './add-partner.js';
import type { ActorRef, PartnerDeps } from './campaign-roster.ports.js';
import type { PartnerInput } from './partner-fields.js';

export async function editPartner(
  deps: PartnerDeps,
  actor: ActorRef,
  input: {
    slug: string;
    partnerId: number;
    fields: PartnerInput;
    logo?: ImageUpload | undefined;
    removeLogo: boolean;
  },
): Promise<PartnerResult> {
  const campaign = await deps.partners.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const partner = (await deps.partners.partners(campaign.id)).find((p) => p.id === input.partnerId);
  if (!partner) return { status: 'not_found' };
  const checked = await checkPartner(deps.images, input.fields, input.logo);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  const logoPath = checked.logoPath ?? (input.removeLogo ? null : partner.logoPath);
  const ok = await deps.partners.updatePartner(
    campaign.id,
    partner.id,
    { ...checked.value, logoPath },
    actor,
    deps.clock.now(),
  );
  return ok ? { status: 'ok', id: partner.id } : { status: 'not_found' };
}
