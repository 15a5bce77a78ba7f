// `npm run bench:exports`: issue 16's export bars on one campaign of 25,000 counted signers
// (BENCH_EXPORT_ROWS) from 60 countries with names in 15 scripts, on SQLite: the signers' CSV (≤ 1 s), the
// full PDF dossier (≤ 20 s, peak RSS ≤ 600 MB) and the per-country ZIP (≤ 30 s), each through the code the
// worker runs (gather the petition's signers, render with Chromium), with bare baselines from the same run
// (reading the rows; a one-signer PDF). Prints a table; docs/performance.md records it.
//
// Memory is measured on the process that renders, as in production (decision 0030, "Chromium's floor,
// process by process"): this process seeds the database (25,000 rows through Kysely grow node by ~200 MB a
// worker never holds), then a fresh node process opens the same SQLite file and renders, like a worker
// given a `build-dossier` job; the figure against the 600 MB bar is that process's RSS plus Chromium's PSS.
// The old figure (the seeding process rendering the full PDF itself) is printed beside it from the same run.
// Chromium's PSS is also given process by process at its peak (browser, GPU, renderer, utilities, zygote).
//
// BENCH_EXPORT_ONE_PART=1 adds the full PDF printed in one piece; BENCH_EXPORT_PAGES_PER_PART=N another part
// size; BENCH_EXPORT_FLAG_SETS="before;--a --b;--c" renders the one-signer and full PDF again in a fresh
// process per set, with those launch switches added to the renderer's (`--disable-features` merged), or
// with the switches it had before (`before`); BENCH_EXPORT_SAVE=dir writes each full PDF there (to compare).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { type Db, openDb } from '../src/db/database.js';
import { PetitionStore } from '../src/db/petition.store.js';
import { chooseTexts } from '../src/domain/campaign/campaign.js';
import { renderDocuments } from '../src/domain/petition/build-dossier.js';
import { gatherDossierGroups } from '../src/domain/petition/dossier.js';
import { signersCsv } from '../src/domain/petition/export-signers.js';
import { translatorFor } from '../src/i18n/translator.js';
import {
  baseChromiumArgs,
  ChromiumDossierRenderer,
  chromiumArgs,
  defaultChromiumPath,
  pagesPerPart,
  rendererBudget,
} from '../src/pdf/chromium-renderer.js';
import { zipArchive } from '../src/pdf/zip.js';
import { seedDossierSigners } from './lib/dossier-signers.js';
import { measured, type Peak, treeRss } from './lib/process-memory.js';

const total = Number(process.env.BENCH_EXPORT_ROWS ?? 25_000);
const t0 = Date.UTC(2026, 10, 1);
// BENCH_EXPORT_PAGES_PER_PART tries another part size (the renderer's default otherwise).
const perPart = Number(process.env.BENCH_EXPORT_PAGES_PER_PART ?? pagesPerPart);
const chromiumPath = process.env.BENCH_EXPORT_CHROMIUM ?? defaultChromiumPath;
// The rendering process runs with the V8 switches `npm start` gives the worker (package.json), or with
// BENCH_EXPORT_NODE_FLAGS ("" for none).
const nodeFlags = (
  process.env.BENCH_EXPORT_NODE_FLAGS ??
  (
    JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts.start!.match(/^node((?: --[\w-]+=\S+)*)/)![1]!
)
  .split(' ')
  .filter(Boolean);
// BENCH_EXPORT_BUDGET="rows,pages" tries another share of work per renderer process (rendererBudget).
const [budgetRows, budgetPages] = (process.env.BENCH_EXPORT_BUDGET ?? '').split(',').map(Number);
const budget = budgetRows && budgetPages ? { rows: budgetRows, pages: budgetPages } : rendererBudget;

/** One measured export, as the rendering process reports it to the seeding one. */
interface Measured {
  what: string;
  figure: string;
  seconds: number;
  peak: Peak | null;
  bar: string;
}

/** The exports of one campaign, in this process: what a worker does with the jobs. */
async function exportsOf(
  db: Db,
  campaignId: number,
  work: 'all' | 'pdf',
  args: readonly string[],
  label: string,
): Promise<Measured[]> {
  const out: Measured[] = [];
  const row = (what: string, figure: string, ms: number, peak: Peak | null, bar: string) =>
    out.push({ what: `${label}${what}`, figure, seconds: ms / 1000, peak, bar });
  const renderer = new ChromiumDossierRenderer(translatorFor, chromiumPath, perPart, args, budget);
  try {
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
    if (work === 'all') {
      // Bare baseline for the CSV: reading (and opening) the same rows without writing a line.
      const read = await measured(async () => {
        let n = 0;
        for await (const batch of store.signers(campaign.id, filter)) n += batch.length;
        return n;
      });
      row('read rows (baseline)', `${read.value.toLocaleString('en')} rows`, read.ms, null, '');
      const csv = await measured(async () => {
        let bytes = 0;
        for await (const chunk of signersCsv(store, campaign, filter)) bytes += Buffer.byteLength(chunk);
        return bytes;
      });
      row('CSV', `${(csv.value / 1e6).toFixed(2)} MB`, csv.ms, null, '≤ 1 s');
    }
    if (!renderer.available()) throw new Error('Chromium not found at /usr/bin/chromium');
    // One signer for the baseline, without keeping the other 24,999 in memory while the full PDF renders
    // (a worker gathers a dossier's signers once).
    const firstSigner = (await gatherDossierGroups(store, campaign, null))[0]!.signers.slice(0, 1);
    // Bare baseline for the PDFs: one dossier with one signer (Chromium's fixed cost of a document).
    const one = await measured(() =>
      renderer.render({
        campaign,
        texts,
        groups: [{ country: 'BY', signers: firstSigner }],
        generatedAt: Date.now(),
      }),
    );
    row('1-signer PDF (baseline)', `${one.value.pages} pages`, one.ms, one.peak, '');
    const opened = renderer.pagesOpened;
    const pdf = await measured(async () => {
      const gathered = await gatherDossierGroups(store, campaign, null);
      return renderer.render({ campaign, texts, groups: gathered, generatedAt: Date.now() });
    });
    row(
      'full PDF',
      `${pdf.value.pages} pages, ${(pdf.value.pdf.length / 1e6).toFixed(1)} MB, ${renderer.pagesOpened - opened} renderers`,
      pdf.ms,
      pdf.peak,
      '≤ 20 s, ≤ 600 MB',
    );
    const save = process.env.BENCH_EXPORT_SAVE;
    if (save)
      writeFileSync(join(save, `${label.replace(/[^a-z0-9]+/gi, '_') || 'default'}.pdf`), pdf.value.pdf);
    if (work === 'pdf') return out;
    const zip = await measured(async () => {
      const gathered = await gatherDossierGroups(store, campaign, null);
      const generatedAt = Date.now();
      // As the worker does it: two countries at a time (build-dossier.ts).
      const { rendered, pages } = await renderDocuments(
        renderer,
        gathered.map((g) => ({
          name: `${g.country}.pdf`,
          doc: { campaign, texts, groups: [g], generatedAt },
        })),
        2,
        async () => undefined,
      );
      return { file: zipArchive(rendered, generatedAt), pages, files: rendered.length };
    });
    row(
      'per-country ZIP',
      `${zip.value.files} PDFs, ${zip.value.pages} pages, ${(zip.value.file.length / 1e6).toFixed(1)} MB`,
      zip.ms,
      zip.peak,
      '≤ 30 s',
    );
    if (process.env.BENCH_EXPORT_ONE_PART === '1') {
      // The same dossier printed in one piece (no joiner): what printing in parts saves.
      const whole = new ChromiumDossierRenderer(
        translatorFor,
        defaultChromiumPath,
        Number.POSITIVE_INFINITY,
        args,
      );
      try {
        const m = await measured(async () => {
          const groups = await gatherDossierGroups(store, campaign, null);
          return whole.render({ campaign, texts, groups, generatedAt: Date.now() });
        });
        row('full PDF in one part', `${m.value.pages} pages`, m.ms, m.peak, '');
      } finally {
        await whole.close();
      }
    }
    return out;
  } finally {
    await renderer.close();
  }
}

const child = process.env.BENCH_EXPORT_RENDER_DB;
if (child) {
  // The rendering process: open the database the seeding process wrote, render, report as one JSON line.
  const db = openDb({ url: child });
  try {
    const started = treeRss().node;
    // "before": the launch switches before decision 0030's process-by-process section; else switches added.
    const wanted = (process.env.BENCH_EXPORT_FLAGS ?? '').trim();
    const args =
      wanted === 'before' ? baseChromiumArgs : [...chromiumArgs, ...wanted.split(' ').filter(Boolean)];
    const work = process.env.BENCH_EXPORT_WORK === 'pdf' ? 'pdf' : 'all';
    const label = wanted ? `[${wanted}] ` : '';
    const rows = await exportsOf(db, Number(process.env.BENCH_EXPORT_CAMPAIGN), work, args, label);
    process.stdout.write(`${JSON.stringify({ started, rows })}\n`);
  } finally {
    await db.close();
  }
} else {
  await seedAndMeasure();
}

/** Runs this file again as the rendering process (same loader: tsx) and returns what it measured. */
function renderElsewhere(
  url: string,
  campaignId: number,
  work: 'all' | 'pdf',
  flags: string,
): Promise<{ started: number; rows: Measured[] }> {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      process.execPath,
      [...nodeFlags, ...process.execArgv, fileURLToPath(import.meta.url)],
      {
        env: {
          ...process.env,
          BENCH_EXPORT_RENDER_DB: url,
          BENCH_EXPORT_CAMPAIGN: String(campaignId),
          BENCH_EXPORT_WORK: work,
          BENCH_EXPORT_FLAGS: flags,
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let stdout = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !last.startsWith('{'))
        reject(new Error(`rendering process exited ${code}: ${stdout}`));
      else resolve(JSON.parse(last) as { started: number; rows: Measured[] });
    });
  });
}

async function seedAndMeasure(): Promise<void> {
  const { createTestDb } = await import('../test/db.js');
  const { buildCampaign } = await import('../test/factories.js');
  const db = await createTestDb('sqlite');
  try {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), t0);
    await seedDossierSigners(db, campaignId, total, t0);
    const seeded = treeRss().node;
    const results: { rendererStart: number; rows: Measured[] }[] = [];
    const first = await renderElsewhere(db.url, campaignId, 'all', '');
    results.push({ rendererStart: first.started, rows: first.rows });
    for (const flags of (process.env.BENCH_EXPORT_FLAG_SETS ?? '').split(';').filter((f) => f.trim())) {
      const got = await renderElsewhere(db.url, campaignId, 'pdf', flags.trim());
      results.push({ rendererStart: got.started, rows: got.rows });
    }
    // The old figure: the seeding process renders the full PDF itself, as this bench did before.
    const old = await exportsOf(db, campaignId, 'pdf', chromiumArgs, 'in the seeding process (old figure): ');
    print(
      seeded,
      results,
      old.filter((r) => r.what.endsWith('full PDF')),
    );
  } finally {
    await db.destroy();
  }
}

function print(
  seeded: number,
  results: { rendererStart: number; rows: Measured[] }[],
  old: Measured[],
): void {
  const mb = (n: number) => n.toFixed(0);
  const table = (head: string[], body: string[][]) => {
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i]!)).join(' | ')} |`;
    console.log(line(head));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    for (const r of body) console.log(line(r));
  };
  const cells = (r: Measured, process: string) => [
    r.what,
    r.figure,
    `${r.seconds.toFixed(r.seconds < 10 ? 2 : 1)} s`,
    process,
    r.peak ? `${mb(r.peak.nodeStart)} → ${mb(r.peak.node)} (+${mb(r.peak.node - r.peak.nodeStart)})` : '',
    r.peak ? mb(r.peak.chromium) : '',
    r.peak ? mb(r.peak.chromiumPss) : '',
    r.peak ? mb(r.peak.both) : '',
    r.bar,
  ];
  console.log(
    `bench:exports ${new Date().toISOString()}  ${perPart} pages a part, a renderer process per ${budget.rows} rows measured or ${budget.pages} pages printed, ${chromiumPath}, rendering node ${nodeFlags.join(' ') || 'without switches'}  ${total.toLocaleString('en')} signers, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `node RSS: the seeding process ${mb(seeded)} MB after seeding; the rendering process ${results
      .map((r) => mb(r.rendererStart))
      .join(', ')} MB when it had opened the database, before any export`,
  );
  const all = [
    ...results.flatMap((r) => r.rows.map((m) => cells(m, 'renderer'))),
    ...old.map((m) => cells(m, 'seeding')),
  ];
  table(
    [
      'export',
      'output',
      'time',
      'node process',
      'node RSS MB start → peak (growth)',
      'Chromium RSS MB',
      'Chromium PSS MB',
      'node + Chromium PSS MB (the 600 MB figure)',
      'bar',
    ],
    all,
  );
  // Chromium process by process, at the sample where its PSS peaked.
  const measuredRows = [...results.flatMap((r) => r.rows), ...old].filter((r) => r.peak);
  const kinds = [...new Set(measuredRows.flatMap((r) => Object.keys(r.peak!.byKind)))].sort();
  console.log('\nChromium PSS MB by process at its peak');
  table(
    ['export', ...kinds, 'total'],
    measuredRows.map((r) => [
      r.what,
      ...kinds.map((k) => (r.peak!.byKind[k] === undefined ? '' : mb(r.peak!.byKind[k]!))),
      mb(r.peak!.chromiumPss),
    ]),
  );
}
