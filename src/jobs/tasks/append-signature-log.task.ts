// Recurring, every five minutes: append the counted signatures of live (and lately closed) campaigns to
// their signature logs and sign a new tree head where a log grew (domain/signature-log/append-signature-
// log.ts). Off the signing path on purpose: signing writes nothing more than it did (decision 0031).
import { randomBytes } from 'node:crypto';
import { type AppendLogDeps, appendSignatureLog } from '../../domain/signature-log/append-signature-log.js';
import { recordSaltBytes } from '../../domain/signature-log/signature-record.js';
import { jobKinds } from '../kinds.js';
import type { RecurringJob } from '../recurring.js';
import type { WorkerLogger } from '../worker.js';

export const signatureLogEveryMs = 5 * 60_000;

export function signatureLogJobs(
  deps: Omit<AppendLogDeps, 'salt'> & { logger?: WorkerLogger },
): RecurringJob[] {
  return [
    {
      kind: jobKinds.appendSignatureLog,
      everyMs: signatureLogEveryMs,
      async run() {
        const report = await appendSignatureLog({
          ...deps,
          salt: () => new Uint8Array(randomBytes(recordSaltBytes)),
        });
        if (report.appended > 0 || report.heads > 0) {
          deps.logger?.info({ appended: report.appended, heads: report.heads }, 'signature logs appended');
        }
        if (report.inconsistent.length > 0) {
          // A stored log that no longer gives its published root was changed behind the application's back.
          deps.logger?.error(
            { campaigns: report.inconsistent },
            'signature log differs from its last tree head',
          );
        }
      },
    },
  ];
}
