// Maintenance that runs on a schedule through the same job queue as everything else, so it survives
// restarts and runs on one worker at a time: each run enqueues the next one, and a worker starting up
// enqueues a first run only when none is queued.

import type { Clock } from '../domain/shared/clock.js';
import type { JobQueue } from './job-queue.ports.js';
import type { JobHandler } from './worker.js';

export interface RecurringJob {
  kind: string;
  everyMs: number;
  /** What a run returns is not used: a task logs its own report. */
  run(): Promise<unknown>;
}

export async function scheduleRecurring(
  repo: Pick<JobQueue, 'countQueued' | 'enqueue'>,
  jobs: RecurringJob[],
  now: number,
): Promise<void> {
  for (const job of jobs) {
    if ((await repo.countQueued(job.kind)) === 0) await repo.enqueue([{ kind: job.kind, payload: {} }], now);
  }
}

export function recurringHandlers(
  repo: Pick<JobQueue, 'countQueued' | 'enqueue'>,
  clock: Clock,
  jobs: RecurringJob[],
): Record<string, JobHandler> {
  return Object.fromEntries(
    jobs.map((job) => [
      job.kind,
      async () => {
        try {
          await job.run();
        } finally {
          if ((await repo.countQueued(job.kind)) === 0) {
            await repo.enqueue(
              [{ kind: job.kind, payload: {}, runAt: clock.now() + job.everyMs }],
              clock.now(),
            );
          }
        }
      },
    ]),
  );
}
