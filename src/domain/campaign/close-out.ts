// What an editor needs to close a campaign out in one place (issue 16, "Close-out"): the delivery report
// (what reached whom, what bounced, what remains unknown or waiting), as totals and as one row per
// address for the CSV, the final dossier (asked for by the close itself, in the same transaction) and the
// day the signers' personal data will be removed under the site's retention.
import type { DeliveryReport, TargetDeliveryRow } from '../delivery/delivery.ports.js';
import type { DossierRequest } from '../petition/dossier.js';
import { monthMs, type Retention } from '../privacy/purge-retention.js';

export interface DeliveryOutcome {
  sent: number;
  bounced: number;
  /** Handed over when the connection broke: the receiving server may or may not have it. */
  unknown: number;
  failed: number;
  /** Not sent yet: queued, deferred, held, or being sent right now. */
  waiting: number;
}

const waitingStatuses = ['queued', 'deferred', 'held', 'sending'];

/** One address's messages by outcome (a digest counts each message it stood for as sent). */
export function deliveryOutcome(row: Pick<TargetDeliveryRow, 'counts'>): DeliveryOutcome {
  const n = (status: string) => row.counts[status] ?? 0;
  return {
    sent: n('sent') + n('digested'),
    bounced: n('bounced'),
    unknown: n('unknown'),
    failed: n('failed'),
    waiting: waitingStatuses.reduce((sum, s) => sum + n(s), 0),
  };
}

/** Every address's outcomes added up. */
export function deliveryTotals(report: Pick<DeliveryReport, 'targets'>): DeliveryOutcome {
  const total: DeliveryOutcome = { sent: 0, bounced: 0, unknown: 0, failed: 0, waiting: 0 };
  for (const row of report.targets) {
    const o = deliveryOutcome(row);
    for (const key of Object.keys(total) as (keyof DeliveryOutcome)[]) total[key] += o[key];
  }
  return total;
}

/** When the daily purge removes the signers' personal data of a campaign closed at `closedAt`. */
export const personalDataRemovedAt = (closedAt: number, retention: Pick<Retention, 'signerMonths'>) =>
  closedAt + retention.signerMonths * monthMs;

/**
 * The dossier a close asks for (decision 0035): one PDF of every country, in the campaign's own language,
 * kept as long as any dossier (the `dossiers.retention` setting). The store writes it, and its build job,
 * in the transaction that closes the campaign.
 */
export interface FinalDossier {
  locale: string;
  expiresAt: number;
}

export const finalDossier = (
  campaign: { sourceLocale: string },
  now: number,
  retentionDays: number,
): FinalDossier => ({ locale: campaign.sourceLocale, expiresAt: now + retentionDays * 86_400_000 });

/**
 * The campaign's final dossier among its dossiers (newest first): the newest whole-petition PDF made since
 * the close. After the close the petition no longer grows, so one an editor made again later is as final.
 */
export function finalDossierOf(
  dossiers: readonly DossierRequest[],
  closedAt: number,
): DossierRequest | undefined {
  return dossiers.find((d) => d.kind === 'pdf' && d.countries.length === 0 && d.createdAt >= closedAt);
}
