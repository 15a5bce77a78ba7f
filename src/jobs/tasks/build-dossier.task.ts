// Builds a dossier an editor asked for (domain/petition/build-dossier.ts), and every day deletes the ones kept
// past the dossier retention setting (they hold signers' names).
import { type BuildDossierDeps, buildDossier } from '../../domain/petition/build-dossier.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export function buildDossierTask(deps: BuildDossierDeps) {
  return async (input: unknown): Promise<void> => {
    await buildDossier(deps, payloadOf(jobKinds.buildDossier, input).dossierId);
  };
}

export function dossierPurgeJobs(deps: {
  dossiers: Pick<BuildDossierDeps['dossiers'], 'purgeExpired'>;
  clock: BuildDossierDeps['clock'];
  logger?: WorkerLogger;
}): RecurringJob[] {
  return [
    {
      kind: jobKinds.purgeDossiers,
      everyMs: 24 * 60 * 60_000,
      async run() {
        const purged = await deps.dossiers.purgeExpired(deps.clock.now());
        if (purged > 0) deps.logger?.info({ purged }, 'deleted expired dossiers');
      },
    },
  ];
}

/** The dossier task keyed by its kind, for the worker's handlers. */
export function dossierHandlers(deps: BuildDossierDeps) {
  return { [jobKinds.buildDossier]: buildDossierTask(deps) };
}
