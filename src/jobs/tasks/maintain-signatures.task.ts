// Two recurring chores for signatures: expire the ones never confirmed, and rebuild the counts from the
// signatures, logging any drift it repairs (a count should never drift; if it does, we want to know).
import type { Clock } from '../../domain/shared/clock.js';
import type { SignatureMaintenance } from '../../domain/signature/signature.ports.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function signatureMaintenance(deps: {
  signatures: SignatureMaintenance;
  clock: Clock;
  confirmExpiryMs: number;
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.expireSignatures,
      everyMs: 60 * 60_000,
      async run() {
        const campaigns = await deps.signatures.expireUnconfirmed(deps.clock.now(), deps.confirmExpiryMs);
        if (campaigns > 0) deps.logger?.info({ campaigns }, 'expired unconfirmed signatures');
      },
    },
    {
      kind: jobKinds.reconcileCounts,
      everyMs: 10 * 60_000,
      async run() {
        const repaired = await deps.signatures.reconcileCounts();
        for (const r of repaired) deps.logger?.warn(r, 'count drift repaired');
      },
    },
  ];
}
