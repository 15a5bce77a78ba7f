// The daily retention purge. Signatures on campaigns closed longer ago than the setting lose their personal
// fields (country, language, status and dates stay, so counts and statistics do too); a supporter left
// with no signature outside such campaigns is erased like any other (via `retention`, keyed hash only);
// audit entries older than their own limit go, and so do the details of delivery logs (the address a letter
// went to, the server's reply; the status and dates stay for the statistics). People on a language list stay: their list consent is their
// own reason to be kept, whatever happened to the campaigns they signed. A sign-up nobody confirmed within
// a week is dropped (its membership, then the person if nothing else holds them). The report of each run
// is numbers, never data.
import type { Clock } from '../shared/clock.js';
import type { EraseCommand, ErasureCounts } from './privacy.ports.js';

export interface Retention {
  signerMonths: number;
  auditMonths: number;
  deliveryMonths: number;
}

export interface RetentionReport {
  signaturesAnonymised: number;
  /** List sign-ups never confirmed within `pendingSignupMs`. */
  pendingSignupsDropped: number;
  supportersErased: number;
  auditEntriesDeleted: number;
  /** Sent letters and mailings whose address and server reply were cleared. */
  deliveryLogsCleared: number;
}

export interface RetentionStore {
  /** Clears the personal fields of signatures on campaigns closed before `cutoff`; how many changed. */
  anonymiseClosedBefore(cutoff: number): Promise<number>;
  /** Deletes list memberships still waiting for their confirmation since before `cutoff`; how many. */
  dropPendingSignupsBefore(cutoff: number): Promise<number>;
  /**
   * Up to `limit` supporters (not erased, on no list as subscribed or waiting) whose every signature is on
   * a campaign closed before `cutoff`; someone with no signature at all counts too.
   */
  supportersOnlyClosedBefore(cutoff: number, limit: number): Promise<number[]>;
  erase(command: EraseCommand): Promise<ErasureCounts | undefined>;
  deleteAuditBefore(cutoff: number): Promise<number>;
  /** Clears the address and server reply of letters and mailings done before `cutoff`; how many. */
  clearDeliveryLogsBefore(cutoff: number): Promise<number>;
  /** Writes the run's report where admins read it (the audit log, as the system). */
  recordReport(report: RetentionReport, now: number): Promise<void>;
}

/** A month of 31 days: never purges before the calendar month has passed. */
export const monthMs = 31 * 86_400_000;
/** Supporters erased per run: a day's run stays short; a backlog clears over the following days. */
export const retentionBatch = 5_000;
/** How long a list sign-up waits for its confirmation link to be used. */
export const pendingSignupMs = 7 * 86_400_000;

export async function purgeRetention(deps: {
  store: RetentionStore;
  retention: () => Promise<Retention>;
  clock: Clock;
  keyedHash(c: string): string;
}): Promise<RetentionReport> {
  const now = deps.clock.now();
  const retention = await deps.retention();
  const signerCutoff = now - retention.signerMonths * monthMs;
  const signaturesAnonymised = await deps.store.anonymiseClosedBefore(signerCutoff);
  const pendingSignupsDropped = await deps.store.dropPendingSignupsBefore(now - pendingSignupMs);
  let supportersErased = 0;
  for (const supporterId of await deps.store.supportersOnlyClosedBefore(signerCutoff, retentionBatch)) {
    const erased = await deps.store.erase({ supporterId, via: 'retention', now, keyedHash: deps.keyedHash });
    if (erased) supportersErased++;
  }
  const auditEntriesDeleted = await deps.store.deleteAuditBefore(now - retention.auditMonths * monthMs);
  const deliveryLogsCleared = await deps.store.clearDeliveryLogsBefore(
    now - retention.deliveryMonths * monthMs,
  );
  const report = {
    signaturesAnonymised,
    pendingSignupsDropped,
    supportersErased,
    auditEntriesDeleted,
    deliveryLogsCleared,
  };
  if (Object.values(report).some((n) => n > 0)) await deps.store.recordReport(report, now);
  return report;
}
