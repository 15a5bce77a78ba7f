// Recurring chores for signatures: delete the ones never confirmed with their personal data, forget network
// hashes once the review of held signatures is over (signatures and campaign requests alike), and rebuild
// the counts from the signatures, logging any drift it repairs (a count should never drift).
import type { Clock } from '../../domain/shared/clock.js';
import type { NetworkHashes, SignatureMaintenance } from '../../domain/signature/signature.ports.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function signatureMaintenance(deps: {
  signatures: SignatureMaintenance;
  requests: NetworkHashes;
  clock: Clock;
  confirmExpiryMs: number;
  /** How long a network hash is kept (IP_HASH_RETENTION_DAYS). */
  networkRetentionMs: number;
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.expireSignatures,
      everyMs: 60 * 60_000,
      async run() {
        const campaigns = await deps.signatures.expireUnconfirmed(deps.clock.now(), deps.confirmExpiryMs);
        if (campaigns > 0) deps.logger?.info({ campaigns }, 'deleted expired unconfirmed signatures');
      },
    },
    {
      kind: jobKinds.forgetNetworks,
      everyMs: 60 * 60_000,
      async run() {
        const cutoff = deps.clock.now() - deps.networkRetentionMs;
        const signatures = await deps.signatures.forgetNetworks(cutoff);
        const requests = await deps.requests.forgetNetworks(cutoff);
        if (signatures + requests > 0) deps.logger?.info({ signatures, requests }, 'forgot network hashes');
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
