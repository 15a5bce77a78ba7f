// The composer's save: allowed until the send starts. A change to the source texts raises the revision,
// which marks translations made from the older one as stale on the translation board.
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import type { MailingStore, SaveOutcome } from './mailing.ports.js';
import { type MailingForm, type MailingInputResult, readMailingForm } from './mailing-input.js';

export type SaveMailingResult = { status: SaveOutcome } | Extract<MailingInputResult, { ok: false }>;

export async function saveMailing(
  deps: { mailings: Pick<MailingStore, 'update'>; clock: Clock },
  input: { id: number; form: MailingForm; actor: ActorRef },
): Promise<SaveMailingResult> {
  const read = readMailingForm(input.form);
  if (!read.ok) return read;
  return { status: await deps.mailings.update(input.id, read.draft, input.actor, deps.clock.now()) };
}

/** The source texts changed (subject, preheader or body): what raises the revision. */
export const textsChanged = (
  before: { subject: string; preheader: string; bodyMd: string },
  after: { subject: string; preheader: string; bodyMd: string },
): boolean =>
  before.subject !== after.subject || before.preheader !== after.preheader || before.bodyMd !== after.bodyMd;
