// Taking back an endorsement recorded by mistake, while the request is still open (after approval the
// endorsers are partners of the campaign and are edited there).
import type { Actor } from '../account/account.js';
import type { CampaignRequestStore } from './campaign-request.ports.js';
import type { CampaignRequestActionResult } from './request.js';

export async function removeEndorsement(
  deps: { campaignRequests: CampaignRequestStore; clock: { now(): number } },
  actor: Pick<Actor, 'id' | 'email'>,
  input: { requestId: number; endorsementId: number },
): Promise<CampaignRequestActionResult> {
  const request = await deps.campaignRequests.find(input.requestId);
  if (!request?.endorsements.some((e) => e.id === input.endorsementId)) {
    return { status: 'not_found' };
  }
  const removed = await deps.campaignRequests.removeEndorsement(input.requestId, input.endorsementId, {
    actor,
    now: deps.clock.now(),
  });
  return removed ? { status: 'ok' } : { status: 'wrong_state', current: request.status };
}
