// Run by the recurring job start-scheduled-mailings: every scheduled mailing whose time has come starts
// (recipients materialised with the status change). A mailing cancelled or started by hand in between is
// skipped by the store's conditional move, so two workers never start one twice.
import type { Clock } from '../shared/clock.js';
import type { MailingStore } from './mailing.ports.js';

export async function startScheduledMailings(deps: {
  mailings: Pick<MailingStore, 'dueScheduled' | 'start'>;
  clock: Clock;
}): Promise<{ started: number[] }> {
  const now = deps.clock.now();
  const started: number[] = [];
  for (const id of await deps.mailings.dueScheduled(now)) {
    if ((await deps.mailings.start(id, ['scheduled'], null, now)) !== undefined) started.push(id);
  }
  return { started };
}
