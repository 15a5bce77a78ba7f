// The editor's actions on a mailing (schedule, send now, pause, resume, cancel) through the state machine
// of mailing.ts. Sending now materialises the recipients with the status change (MailingStore.start); a
// mailing whose segment reaches nobody is not started, since it would be "sent" to no one.
import type { ActorRef } from '../account/account.js';
import type { Clock } from '../shared/clock.js';
import { type MailingAction, mailingMoves } from './mailing.js';
import type { MailingStore } from './mailing.ports.js';

export type MoveMailingResult =
  | { status: 'moved'; recipients?: number }
  | { status: 'unknown' }
  | { status: 'notAllowed' }
  | { status: 'emptySegment' }
  | { status: 'timeInPast' };

export async function moveMailing(
  deps: { mailings: Pick<MailingStore, 'find' | 'move' | 'start' | 'countSegment'>; clock: Clock },
  input: { id: number; action: MailingAction; actor: ActorRef; scheduledAt?: number },
): Promise<MoveMailingResult> {
  const now = deps.clock.now();
  const mailing = await deps.mailings.find(input.id);
  if (!mailing) return { status: 'unknown' };
  const move = mailingMoves[input.action];
  if (!move.from.includes(mailing.status)) return { status: 'notAllowed' };
  if (input.action === 'schedule') {
    if (input.scheduledAt === undefined || input.scheduledAt <= now) return { status: 'timeInPast' };
    const moved = await deps.mailings.move(
      input.id,
      { ...move, scheduledAt: input.scheduledAt },
      input.actor,
      now,
    );
    return moved ? { status: 'moved' } : { status: 'notAllowed' };
  }
  if (input.action === 'send') {
    if ((await deps.mailings.countSegment(mailing.segment, now)) === 0) return { status: 'emptySegment' };
    const recipients = await deps.mailings.start(input.id, move.from, input.actor, now);
    return recipients === undefined ? { status: 'notAllowed' } : { status: 'moved', recipients };
  }
  const moved = await deps.mailings.move(input.id, move, input.actor, now);
  return moved ? { status: 'moved' } : { status: 'notAllowed' };
}
