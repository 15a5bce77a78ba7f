// The daily retention purge (domain/privacy/purge-retention.ts) as a recurring job; its report goes to the
// audit log for admins, and a line with the numbers to the worker's log.
import type { Retention, RetentionStore } from '../../domain/privacy/purge-retention.js';
import { purgeRetention } from '../../domain/privacy/purge-retention.js';
import type { Clock } from '../../domain/shared/clock.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function retentionJobs(deps: {
  store: RetentionStore;
  retention: () => Promise<Retention>;
  clock: Clock;
  keyedHash(canonical: string): string;
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.purgeRetention,
      everyMs: 24 * 60 * 60_000,
      async run() {
        const report = await purgeRetention(deps);
        deps.logger?.info(report, 'retention purge');
      },
    },
  ];
}
