// The two decisions that write to the requester: asking for changes (the request stays open and can be
// approved once the union has answered) and declining with a reason (final). Both need a message, which is
// mailed verbatim with the deciding editor as Reply-To, so the union's answer reaches a person.
import type { User } from '../account/account.js';
import { normaliseText } from '../signature/text.js';
import type { CampaignRequestStore } from './campaign-request.ports.js';
import { campaignRequestMail } from './campaign-request-mail.js';
import { type CampaignRequestActionResult, isOpen, openStatuses } from './request.js';

export const decisionMessageMax = 5_000;

export type DecideResult =
  | CampaignRequestActionResult
  | { status: 'invalid'; error: 'Required' | 'TooLong'; max: number };

export type Decision = 'changes' | 'decline';

export async function decideRequest(
  deps: { campaignRequests: CampaignRequestStore; clock: { now(): number } },
  actor: Pick<User, 'id' | 'email' | 'name'>,
  input: { id: number; decision: Decision; message: string },
): Promise<DecideResult> {
  const message = normaliseText(input.message, { max: decisionMessageMax });
  if (!message.ok) return { status: 'invalid', error: message.error, max: decisionMessageMax };
  const request = await deps.campaignRequests.find(input.id);
  if (!request) return { status: 'not_found' };
  if (!isOpen(request.status)) return { status: 'wrong_state', current: request.status };
  const done = await deps.campaignRequests.decide({
    id: request.id,
    from: openStatuses,
    to: input.decision === 'changes' ? 'changes_requested' : 'declined',
    note: message.value,
    actor: { id: actor.id, email: actor.email },
    now: deps.clock.now(),
    mails: [
      campaignRequestMail({
        kind: input.decision === 'changes' ? 'changes' : 'declined',
        requestId: request.id,
        to: { name: request.contactName, address: request.contactEmail },
        locale: request.contactLocale,
        headline: request.headline,
        orgName: request.orgName,
        message: message.value,
        replyTo: { name: actor.name || actor.email, address: actor.email },
      }),
    ],
  });
  if (done) return { status: 'ok' };
  const current = await deps.campaignRequests.find(input.id);
  return current ? { status: 'wrong_state', current: current.status } : { status: 'not_found' };
}
