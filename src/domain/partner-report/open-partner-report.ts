// A partner opens its report by link: the campaign's live total, per country and per language, and the
// newest signers as the petition shows them (never an address). Each use is counted and audited.
import type { Clock } from '../shared/clock.js';
import type { OpenedReport, PartnerReportStore, ReportCounts, ReportUse } from './partner-report.ports.js';

export interface OpenReportDeps {
  reports: Pick<PartnerReportStore, 'openLink' | 'counts'>;
  tokens: { hash(token: string): string };
  clock: Clock;
}

export type OpenReportResult =
  | { status: 'ok'; report: OpenedReport; counts: ReportCounts }
  | { status: 'gone' };

/** Tokens are 32 base64url characters; anything else is refused before any lookup. */
const tokenPattern = /^[A-Za-z0-9_-]{20,64}$/;

export async function openPartnerReport(
  deps: OpenReportDeps,
  input: { token: string; use: ReportUse },
): Promise<OpenReportResult> {
  if (!tokenPattern.test(input.token)) return { status: 'gone' };
  const report = await deps.reports.openLink(deps.tokens.hash(input.token), input.use, deps.clock.now());
  if (!report) return { status: 'gone' };
  const counts = input.use === 'page' ? await deps.reports.counts(report.campaign.id) : emptyCounts;
  return { status: 'ok', report, counts };
}

const emptyCounts: ReportCounts = { total: 0, byCountry: [], byLanguage: [] };
