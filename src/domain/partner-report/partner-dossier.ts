// The printable dossier behind a partner's report link (decision 0035): the campaign's newest finished PDF
// of every country that is still kept, which after a close is the final dossier the close asked for. A
// partner downloads what editors made; the link never starts a rendering. Every download is a use of the
// link, counted and audited like opening the page or the CSV.
import type { DossierRequest, DossierStore } from '../petition/dossier.js';
import type { Clock } from '../shared/clock.js';
import { type OpenReportDeps, openPartnerReport } from './open-partner-report.js';

/** How many of a campaign's newest dossiers are looked through for one to offer. */
const lookBack = 20;

/** The dossier a report offers among the campaign's dossiers (newest first), if any. */
export function partnerDossierOf(
  dossiers: readonly DossierRequest[],
  now: number,
): DossierRequest | undefined {
  return dossiers.find(
    (d) => d.status === 'done' && d.kind === 'pdf' && d.countries.length === 0 && d.expiresAt > now,
  );
}

/** The dossier to offer on a report page or the editors' report, without opening any link. */
export async function offeredDossier(
  deps: { dossiers: Pick<DossierStore, 'listForCampaign'>; clock: Clock },
  campaignId: number,
): Promise<DossierRequest | undefined> {
  return partnerDossierOf(await deps.dossiers.listForCampaign(campaignId, lookBack), deps.clock.now());
}

export type PartnerDossierResult =
  | { status: 'ok'; slug: string; linkId: number; dossier: DossierRequest; file: Uint8Array }
  | { status: 'gone' }
  | { status: 'none' };

/** A partner downloads the offered dossier by its link: the use is counted and audited first. */
export async function downloadPartnerDossier(
  deps: OpenReportDeps & { dossiers: Pick<DossierStore, 'listForCampaign' | 'file'> },
  input: { token: string },
): Promise<PartnerDossierResult> {
  const opened = await openPartnerReport(deps, { token: input.token, use: 'dossier' });
  if (opened.status === 'gone') return { status: 'gone' };
  const campaign = opened.report.campaign;
  const dossier = await offeredDossier(deps, campaign.id);
  const file = dossier && (await deps.dossiers.file(dossier.id));
  if (!dossier || !file) return { status: 'none' };
  return { status: 'ok', slug: campaign.slug, linkId: opened.report.linkId, dossier, file };
}
