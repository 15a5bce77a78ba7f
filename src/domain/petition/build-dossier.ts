// The worker's side of a dossier: gather the petition's signers by country, render them (one PDF, or one
// PDF per country zipped, two at a time), and store the file with its page count; progress is written so the
// editor's page can show it: documents done of a ZIP's, or pages printed of a single PDF's after each part. A missing renderer fails the dossier with a reason the page explains.

import { chooseTexts } from '../campaign/campaign.js';
import type { CampaignReader } from '../campaign/campaign.ports.js';
import type { Clock } from '../shared/clock.js';
import {
  type DossierDocument,
  type DossierGroup,
  type DossierRenderer,
  type DossierStore,
  type DossierVerification,
  gatherDossierGroups,
  type PagesPrinted,
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
  /** Documents of a ZIP rendered at once (default 2: the browser's fixed cost per document overlaps). */
  concurrency?: number;
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
  await deps.dossiers.progress(dossierId, { status: 'running', done: 0, total: documents.length, pages: 0 });
  let rendered: { name: string; data: Uint8Array }[];
  let pages: number;
  // A single PDF counts in pages, a ZIP in documents (the page reads the unit from the dossier's kind).
  const single = request.kind === 'pdf';
  const pagesPrinted: PagesPrinted = (printed, total) =>
    deps.dossiers.progress(dossierId, { status: 'running', done: printed, total, pages: printed });
  try {
    ({ rendered, pages } = await renderDocuments(
      deps.renderer,
      documents.map((d) => ({
        name: d.name,
        doc: { campaign, texts, groups: d.groups, generatedAt, ...(verification ? { verification } : {}) },
      })),
      deps.concurrency ?? 2,
      (done, pagesSoFar) =>
        single
          ? pagesPrinted(pagesSoFar, pagesSoFar)
          : deps.dossiers.progress(dossierId, {
              status: 'running',
              done,
              total: documents.length,
              pages: pagesSoFar,
            }),
      single ? pagesPrinted : undefined,
    ));
  } catch (error) {
    await deps.dossiers.fail(dossierId, 'render_failed', deps.clock.now());
    throw error;
  }
  const file = request.kind === 'pdf' && rendered[0] ? rendered[0].data : deps.archive(rendered, generatedAt);
  await deps.dossiers.finish(dossierId, { file, pages, signers: signerCount(groups), now: deps.clock.now() });
}

/**
 * Renders the documents, `concurrency` at a time, into their places in order; `onDone` after each with how
 * many are done and the pages so far. The first failure stops new work, waits for what is running, and is
 * thrown, so nothing reports progress after it.
 */
export async function renderDocuments(
  renderer: DossierRenderer,
  documents: readonly { name: string; doc: DossierDocument }[],
  concurrency: number,
  onDone: (done: number, pages: number) => Promise<void>,
  onPages?: PagesPrinted,
): Promise<{ rendered: { name: string; data: Uint8Array }[]; pages: number }> {
  const rendered: { name: string; data: Uint8Array }[] = new Array(documents.length);
  let next = 0;
  let done = 0;
  let pages = 0;
  let failed = false;
  let failure: unknown;
  let reported: Promise<void> = Promise.resolve();
  const worker = async () => {
    while (!failed && next < documents.length) {
      const i = next++;
      const { name, doc } = documents[i]!;
      try {
        const out = await renderer.render(doc, onPages);
        if (failed) return;
        rendered[i] = { name, data: out.pdf };
        pages += out.pages;
        done++;
        // Reports go out one after another, in order, even when two documents finish together.
        const report = [done, pages] as const;
        reported = reported.then(() => onDone(...report));
        await reported;
      } catch (error) {
        if (!failed) failure = error;
        failed = true;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, documents.length)) }, worker));
  if (failed) throw failure;
  return { rendered, pages };
}
