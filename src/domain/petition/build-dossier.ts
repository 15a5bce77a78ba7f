// The worker's side of a dossier: gather the petition's signers by country, render them (one PDF, or one
// PDF per country zipped), and store the file with its page count; progress is written after each document
// so the editor's page can show it. A missing renderer fails the dossier with a reason the page explains.

import { chooseTexts } from '../campaign/campaign.js';
import type { CampaignReader } from '../campaign/campaign.ports.js';
import type { Clock } from '../shared/clock.js';
import {
  type DossierGroup,
  type DossierRenderer,
  type DossierStore,
  type DossierVerification,
  gatherDossierGroups,
  signerCount,
} from './dossier.js';
import type { PetitionExporter } from './export-signers.js';

/** Packs per-country PDFs into one archive (a ZIP in production). */
export type Archiver = (entries: { name: string; data: Uint8Array }[], modifiedAt: number) => Uint8Array;

export interface BuildDossierDeps {
  dossiers: DossierStore;
  campaigns: CampaignReader;
  exporter: PetitionExporter;
  renderer: DossierRenderer;
  archive: Archiver;
  clock: Clock;
  /** The tamper-evidence stamp for the cover (the newest signed tree head), in the dossier's language. */
  verification?: (campaignId: number, locale: string) => Promise<DossierVerification | undefined>;
}

export async function buildDossier(deps: BuildDossierDeps, dossierId: number): Promise<void> {
  const request = await deps.dossiers.find(dossierId);
  if (!request || request.status === 'done' || request.status === 'failed') return;
  if (!deps.renderer.available()) return deps.dossiers.fail(dossierId, 'renderer_missing', deps.clock.now());
  const campaign = await deps.campaigns.findBySlug(request.slug);
  const texts = campaign && chooseTexts(campaign, request.locale)?.texts;
  if (!campaign || !texts) return deps.dossiers.fail(dossierId, 'campaign_missing', deps.clock.now());
  const groups = await gatherDossierGroups(deps.exporter, campaign, request.countries);
  const generatedAt = deps.clock.now();
  const verification = await deps.verification?.(campaign.id, texts.locale);
  const documents: { name: string; groups: DossierGroup[] }[] =
    request.kind === 'pdf'
      ? [{ name: `${campaign.slug}.pdf`, groups }]
      : groups.map((g) => ({ name: `${campaign.slug}-${g.country ?? 'none'}.pdf`, groups: [g] }));
  const rendered: { name: string; data: Uint8Array }[] = [];
  let pages = 0;
  await deps.dossiers.progress(dossierId, { status: 'running', done: 0, total: documents.length, pages });
  try {
    for (const doc of documents) {
      const out = await deps.renderer.render({
        campaign,
        texts,
        groups: doc.groups,
        generatedAt,
        ...(verification ? { verification } : {}),
      });
      pages += out.pages;
      rendered.push({ name: doc.name, data: out.pdf });
      await deps.dossiers.progress(dossierId, {
        status: 'running',
        done: rendered.length,
        total: documents.length,
        pages,
      });
    }
  } catch (error) {
    await deps.dossiers.fail(dossierId, 'render_failed', deps.clock.now());
    throw error;
  }
  const file = request.kind === 'pdf' && rendered[0] ? rendered[0].data : deps.archive(rendered, generatedAt);
  await deps.dossiers.finish(dossierId, { file, pages, signers: signerCount(groups), now: deps.clock.now() });
}
