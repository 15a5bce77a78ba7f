// An editor corrects a target: name, organisation, language, time zone and own cap are one audited change.
// A new address goes through delivery's own use case (replaceTargetAddress: held messages of a bounced
// address are queued for the new one, its bounce alert resolved, audited as an address change), so the
// targets page and the delivery page can never treat an address change differently.
import type { DeliveryAdmin } from '../delivery/delivery.ports.js';
import { replaceTargetAddress } from '../delivery/manage-targets.js';
import type { CampaignFormResult } from './campaign.js';
import type { ActorRef, TargetStore } from './campaign-roster.ports.js';
import { emailKey, type TargetErrors, type TargetInput, validateTarget } from './target-fields.js';

export interface EditTargetDeps {
  targets: TargetStore;
  delivery: DeliveryAdmin;
  clock: { now(): number };
}

export type EditTargetResult = CampaignFormResult<
  { status: 'ok'; addressChanged: boolean; released: number },
  TargetErrors
>;

export async function editTarget(
  deps: EditTargetDeps,
  actor: ActorRef,
  input: { slug: string; targetId: number; fields: TargetInput },
): Promise<EditTargetResult> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const all = await deps.targets.targets(campaign.id);
  const target = all.find((t) => t.id === input.targetId);
  if (!target) return { status: 'not_found' };
  const checked = validateTarget(input.fields);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  const { email, ...rest } = checked.value;
  const addressChanged = email !== target.email;
  if (
    emailKey(email) !== emailKey(target.email) &&
    all.some((t) => t.id !== target.id && emailKey(t.email) === emailKey(email))
  ) {
    return { status: 'invalid', errors: { email: 'Duplicate' } };
  }
  const now = deps.clock.now();
  if (!(await deps.targets.updateTarget(campaign.id, target.id, rest, actor, now)))
    return { status: 'not_found' };
  if (!addressChanged) return { status: 'ok', addressChanged: false, released: 0 };
  const replaced = await replaceTargetAddress({ delivery: deps.delivery, clock: deps.clock }, actor, {
    campaignId: campaign.id,
    targetId: target.id,
    email,
  });
  if (replaced.status === 'not_found') return { status: 'not_found' };
  if (replaced.status === 'invalid_email') return { status: 'invalid', errors: { email: 'EmailInvalid' } };
  return { status: 'ok', addressChanged: true, released: replaced.count ?? 0 };
}
