// `npm run bench:exports`: issue 16's export bars on one campaign of 25,000 counted signers
// (BENCH_EXPORT_ROWS) from 60 countries with names in 15 scripts, on SQLite: the signers' CSV (≤ 1 s), the
// full PDF dossier (≤ 20 s, peak RSS ≤ 600 MB) and the per-country ZIP (≤ 30 s), each through the code the
// worker runs (gather the petition's signers, render with Chromium), with bare baselines from the same run
// (reading the rows; a one-signer PDF) and the peak RSS of node and of Chromium apart. Prints a table;
// docs/performance.md records it. BENCH_EXPORT_ONE_PART=1 adds the full PDF printed in one piece.
import os from 'node:os';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { PetitionStore } from '../src/db/petition.store.js';
import { chooseTexts } from '../src/domain/campaign/campaign.js';
import { renderDocuments } from '../src/domain/petition/build-dossier.js';
import { gatherDossierGroups } from '../src/domain/petition/dossier.js';
import { signersCsv } from '../src/domain/petition/export-signers.js';
import { translatorFor } from '../src/i18n/translator.js';
import { ChromiumDossierRenderer, defaultChromiumPath, pagesPerPart } from '../src/pdf/chromium-renderer.js';
import { zipArchive } from '../src/pdf/zip.js';
import { createTestDb } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';
import { countries, names } from './lib/dossier-signers.js';
import { measured, type Peak } from './lib/process-memory.js';

const total = Number(process.env.BENCH_EXPORT_ROWS ?? 25_000);
const t0 = Date.UTC(2026, 10, 1);

const rows: string[][] = [];
const row = (what: string, figure: string, seconds: number, peak: Peak | null, bar: string) =>
  rows.push([
    what,
    figure,
    `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`,
    peak ? peak.node.toFixed(0) : '',
    peak ? peak.chromium.toFixed(0) : '',
    peak ? peak.chromiumPss.toFixed(0) : '',
    peak ? peak.both.toFixed(0) : '',
    bar,
  ]);

const db = await createTestDb('sqlite');
// BENCH_EXPORT_PAGES_PER_PART tries another part size (the renderer's default otherwise).
const perPart = Number(process.env.BENCH_EXPORT_PAGES_PER_PART ?? pagesPerPart);
const renderer = new ChromiumDossierRenderer(translatorFor, defaultChromiumPath, perPart);
try {
  const campaignId = await new CampaignRepository(db).create(buildCampaign(), t0);
  for (let start = 0; start < total; start += 1_000) {
    const n = Math.min(1_000, total - start);
    const supporters = await db.kysely
      .insertInto('supporters')
      .values(
        Array.from({ length: n }, (_, k) => {
          const i = start + k;
          return {
            email: `s${i}@example.org`,
            email_index: db.vault.index(`s${i}@example.org`),
            email_domain_index: db.vault.domainIndex(`s${i}@example.org`),
            name: names[i % names.length]!,
            locale: 'en',
            country: countries[i % countries.length]!,
            union_name: i % 4 === 0 ? null : `Union ${i % 97}`,
            created_at: t0,
            updated_at: t0,
          };
        }),
      )
      .returning('id')
      .execute();
    await db.kysely
      .insertInto('signatures')
      .values(
        supporters.map(({ id }, k) => {
          const i = start + k;
          const at = t0 + i * 7_000;
          return {
            campaign_id: campaignId,
            supporter_id: id,
            locale: ['en', 'ar', 'tl', 'ru', 'es'][i % 5]!,
            name: names[i % names.length]!,
            union_name: i % 4 === 0 ? null : `Union ${i % 97}`,
            country: countries[i % countries.length]!,
            message: 'Free union and political prisoners.',
            source: i % 3 === 0 ? 'mailing-en-1' : null,
            status: 'confirmed',
            petition_anonymous: i % 20 === 0 ? 1 : 0,
            created_at: at,
            confirmed_at: at,
          };
        }),
      )
      .execute();
  }
  const store = new PetitionStore(db);
  const campaign = (await new CampaignRepository(db).findBySlug(
    (
      await db.kysely
        .selectFrom('campaigns')
        .select('slug')
        .where('id', '=', campaignId)
        .executeTakeFirstOrThrow()
    ).slug,
  ))!;
  const texts = chooseTexts(campaign, 'en')!.texts;
  const filter = { country: null, locale: null, from: null, to: null };
  // Bare baseline for the CSV: reading (and opening) the same rows without writing a line.
  const read = await measured(async () => {
    let n = 0;
    for await (const batch of store.signers(campaign.id, filter)) n += batch.length;
    return n;
  });
  row('read rows (baseline)', `${read.value.toLocaleString('en')} rows`, read.ms / 1000, null, '');
  const csv = await measured(async () => {
    let bytes = 0;
    for await (const chunk of signersCsv(store, campaign, filter)) bytes += Buffer.byteLength(chunk);
    return bytes;
  });
  row('CSV', `${(csv.value / 1e6).toFixed(2)} MB`, csv.ms / 1000, null, '≤ 1 s');
  if (!renderer.available()) throw new Error('Chromium not found at /usr/bin/chromium');
  const groups = await gatherDossierGroups(store, campaign, null);
  // Bare baseline for the PDFs: one dossier with one signer (Chromium's fixed cost of a document).
  const one = await measured(() =>
    renderer.render({
      campaign,
      texts,
      groups: [{ country: 'BY', signers: groups[0]!.signers.slice(0, 1) }],
      generatedAt: Date.now(),
    }),
  );
  row('1-signer PDF (baseline)', `${one.value.pages} pages`, one.ms / 1000, one.peak, '');
  const pdf = await measured(async () => {
    const gathered = await gatherDossierGroups(store, campaign, null);
    return renderer.render({ campaign, texts, groups: gathered, generatedAt: Date.now() });
  });
  row(
    'full PDF',
    `${pdf.value.pages} pages, ${(pdf.value.pdf.length / 1e6).toFixed(1)} MB`,
    pdf.ms / 1000,
    pdf.peak,
    '≤ 20 s, ≤ 600 MB',
  );
  const zip = await measured(async () => {
    const gathered = await gatherDossierGroups(store, campaign, null);
    const generatedAt = Date.now();
    // As the worker does it: two countries at a time (build-dossier.ts).
    const { rendered, pages } = await renderDocuments(
      renderer,
      gathered.map((g) => ({ name: `${g.country}.pdf`, doc: { campaign, texts, groups: [g], generatedAt } })),
      2,
      async () => undefined,
    );
    return { file: zipArchive(rendered, generatedAt), pages, files: rendered.length };
  });
  row(
    'per-country ZIP',
    `${zip.value.files} PDFs, ${zip.value.pages} pages, ${(zip.value.file.length / 1e6).toFixed(1)} MB`,
    zip.ms / 1000,
    zip.peak,
    '≤ 30 s',
  );
  if (process.env.BENCH_EXPORT_ONE_PART === '1') {
    // The same dossier printed in one piece (no joiner): what printing in parts saves.
    const whole = new ChromiumDossierRenderer(translatorFor, defaultChromiumPath, Number.POSITIVE_INFINITY);
    try {
      const out = await measured(() => whole.render({ campaign, texts, groups, generatedAt: Date.now() }));
      row('full PDF in one part', `${out.value.pages} pages`, out.ms / 1000, out.peak, '');
    } finally {
      await whole.close();
    }
  }
  const head = [
    'export',
    'output',
    'time',
    'node RSS MB',
    'Chromium RSS MB',
    'Chromium PSS MB',
    'node + PSS MB',
    'bar',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(
    `bench:exports ${new Date().toISOString()}  ${perPart} pages a part  ${total.toLocaleString('en')} signers, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
} finally {
  await renderer.close();
  await db.destroy();
}
