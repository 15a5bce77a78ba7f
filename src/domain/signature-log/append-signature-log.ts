// The log job's use case (run every few minutes by jobs/tasks/append-signature-log.task.ts, never on the
// signing path): for each campaign that may have new counted signatures, append them to its log in
// batches, then sign a new tree head if the log grew. Before signing it checks that the stored leaves still
// give the previous head's root: a log rewritten in the database is refused and reported, not re-signed.
import type { KeyObject } from 'node:crypto';
import type { Clock } from '../shared/clock.js';
import { sameHash, subtreeRoot } from './merkle.js';
import type { SignatureLogStore } from './signature-log.ports.js';
import { recordLeaf } from './signature-record.js';
import { signHead } from './tree-head.js';

export interface AppendLogDeps {
  log: SignatureLogStore;
  clock: Clock;
  signingKey: KeyObject;
  /** A fresh random salt per signature. */
  salt(): Uint8Array;
  batchSize?: number;
}

export interface AppendLogReport {
  appended: number;
  heads: number;
  /** Campaigns whose stored leaves no longer give their last head's root. */
  inconsistent: number[];
}

export async function appendSignatureLog(deps: AppendLogDeps): Promise<AppendLogReport> {
  const report: AppendLogReport = { appended: 0, heads: 0, inconsistent: [] };
  const batch = deps.batchSize ?? 5_000;
  for (const campaignId of await deps.log.campaignsToLog(deps.clock.now())) {
    for (;;) {
      const n = await deps.log.appendPending(campaignId, batch, (pending) =>
        pending.map((p) => {
          // An erased record still takes its place in the log; its salt is not kept.
          const salt = deps.salt();
          return {
            signatureId: p.signatureId,
            leaf: recordLeaf(p.record, salt),
            salt: p.personal ? salt : null,
          };
        }),
      );
      report.appended += n;
      if (n < batch) break;
    }
    const last = await deps.log.latestHead(campaignId);
    const leaves = await deps.log.leaves(campaignId);
    if (leaves.length === 0 || (last && last.size === leaves.length)) continue;
    if (last && !sameHash(subtreeRoot(leaves, 0, last.size), last.root)) {
      report.inconsistent.push(campaignId);
      continue;
    }
    const head = { campaignId, size: leaves.length, root: subtreeRoot(leaves), timestamp: deps.clock.now() };
    await deps.log.saveHead(signHead(head, deps.signingKey));
    report.heads++;
  }
  return report;
}
