// "Send a test to yourself": one language version of the mailing as it is now, mailed to the signed-in
// editor's own address by a job (never from the request). The address is the account's, never typed in,
// so the button cannot be used to mail anyone else.
import type { ActorRef } from '../account/account.js';
import { isLanguageTag } from '../campaign/create-campaign.js';
import type { Clock } from '../shared/clock.js';
import type { MailingStore } from './mailing.ports.js';

export type QueueMailingTestResult = { status: 'queued' | 'unknown' | 'invalidLocale' };

export async function queueMailingTest(
  deps: { mailings: Pick<MailingStore, 'find' | 'queueTest'>; clock: Clock },
  input: { id: number; locale: string; actor: ActorRef & { name: string } },
): Promise<QueueMailingTestResult> {
  if (!isLanguageTag(input.locale)) return { status: 'invalidLocale' };
  const mailing = await deps.mailings.find(input.id);
  if (!mailing) return { status: 'unknown' };
  await deps.mailings.queueTest(
    {
      mailingId: input.id,
      locale: input.locale,
      to: { name: input.actor.name, address: input.actor.email },
    },
    { id: input.actor.id, email: input.actor.email },
    deps.clock.now(),
  );
  return { status: 'queued' };
}
