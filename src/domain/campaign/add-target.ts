// An editor adds one target or union copy address to a campaign: the form's fields judged by the shared
// rules, refused when the campaign already writes to that address (it would get every message twice).
import type { CampaignFormResult, TargetKind } from './campaign.js';
import type { ActorRef, TargetDeps } from './campaign-roster.ports.js';
import { type TargetErrors, type TargetInput, validateTarget } from './target-fields.js';

export type AddTargetResult = CampaignFormResult<{ status: 'ok'; id: number }, TargetErrors>;

export async function addTarget(
  deps: TargetDeps,
  actor: ActorRef,
  input: { slug: string; kind: TargetKind; fields: TargetInput },
): Promise<AddTargetResult> {
  const campaign = await deps.targets.campaign(input.slug);
  if (!campaign) return { status: 'not_found' };
  const checked = validateTarget(input.fields);
  if (!checked.ok) return { status: 'invalid', errors: checked.errors };
  const added = await deps.targets.addTarget(campaign.id, input.kind, checked.value, actor, deps.clock.now());
  if (added === 'duplicate') return { status: 'invalid', errors: { email: 'Duplicate' } };
  return { status: 'ok', id: added.id };
}
