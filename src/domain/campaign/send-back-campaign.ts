// A reviewer sends a campaign back to its editors for more work (in_review → draft); see lifecycle.ts.
import type { Actor } from '../account/account.js';
import { applyChange, findFor, type LifecycleDeps, type LifecycleResult } from './lifecycle.js';

export async function sendBackCampaign(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string },
): Promise<LifecycleResult> {
  const found = await findFor(deps, input.slug, 'send_back');
  if ('refused' in found) return found.refused;
  return applyChange(deps, found.campaign, { action: 'send_back', actor, now: deps.clock.now() });
}
