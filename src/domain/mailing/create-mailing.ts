// A new mailing from the composer: checked by the composer's rules, stored as a draft (revision 1).
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import type { MailingStore } from './mailing.ports.js';
import { type MailingForm, type MailingInputResult, readMailingForm } from './mailing-input.js';

export type CreateMailingResult =
  | { status: 'created'; id: number }
  | Extract<MailingInputResult, { ok: false }>;

export async function createMailing(
  deps: { mailings: Pick<MailingStore, 'create'>; clock: Clock },
  input: { form: MailingForm; actor: ActorRef },
): Promise<CreateMailingResult> {
  const read = readMailingForm(input.form);
  if (!read.ok) return read;
  const id = await deps.mailings.create(read.draft, input.actor, deps.clock.now());
  return { status: 'created', id };
}
