// An editor hands a draft over for review (draft → in_review); see the diagram in lifecycle.ts.
import type { Actor } from '../account/account.js';
import { applyChange, findFor, type LifecycleDeps, type LifecycleResult } from './lifecycle.js';

export async function submitForReview(
  deps: LifecycleDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: { slug: string },
): Promise<LifecycleResult> {
  const found = await findFor(deps, input.slug, 'submit');
  if ('refused' in found) return found.refused;
  return applyChange(deps, found.campaign, { action: 'submit', actor, now: deps.clock.now() });
}
