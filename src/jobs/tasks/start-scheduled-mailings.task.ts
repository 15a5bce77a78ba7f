// Every minute, the scheduled mailings whose time has come start sending (domain/mailing/
// start-scheduled-mailings.ts): their recipients are queued with the status change, for the sender.
import type { MailingStore } from '../../domain/mailing/mailing.ports.js';
import { startScheduledMailings } from '../../domain/mailing/start-scheduled-mailings.js';
import type { Clock } from '../../domain/shared/clock.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function scheduledMailingJobs(deps: {
  mailings: Pick<MailingStore, 'dueScheduled' | 'start'>;
  clock: Clock;
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.startScheduledMailings,
      everyMs: 60_000,
      async run() {
        const { started } = await startScheduledMailings(deps);
        if (started.length > 0) deps.logger?.info({ mailings: started }, 'scheduled mailings started');
      },
    },
  ];
}
