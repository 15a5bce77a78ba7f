// Done jobs are history nobody reads: deleted every hour once older than JOB_RETENTION_DAYS, so the queue
// stays small and no payload sits in backups longer than it must.
import type { Clock } from '../../domain/shared/clock.js';
import type { JobQueue } from '../job-queue.ports.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function jobPurge(deps: {
  jobs: Pick<JobQueue, 'purgeDone'>;
  clock: Clock;
  retentionMs: number;
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.purgeJobs,
      everyMs: 60 * 60_000,
      async run() {
        const purged = await deps.jobs.purgeDone(deps.clock.now() - deps.retentionMs);
        if (purged > 0) deps.logger?.info({ purged }, 'purged done jobs');
      },
    },
  ];
}
