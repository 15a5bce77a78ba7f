// Taking back an endorsement recorded by mistake, while the request is still open (after approval the
// endorsers are partners of the campaign and are edited there).
import type { Actor } from '../account/account.js';
import type { IntakeStore } from './intake.ports.js';
import type { IntakeActionResult } from './request.js';

export async function removeEndorsement(
  deps: { intake: IntakeStore; clock: { now(): number } },
  actor: Pick<Actor, 'id' | 'email'>,
  input: { requestId: number; endorsementId: number },
): Promise<IntakeActionResult> {
  const request = await deps.intake.find(input.requestId);
  if (!request?.endorsements.some((e) => e.id === input.endorsementId)) {
    return { status: 'not_found' };
  }
  const removed = await deps.intake.removeEndorsement(input.requestId, input.endorsementId, {
    actor,
    now: deps.clock.now(),
  });
  return removed ? { status: 'ok' } : { status: 'wrong_state', current: request.status };
}
