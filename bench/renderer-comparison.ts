// `npm run bench:renderers`: issue 16 asks for the dossier's renderer to be chosen by measurement. The same
// 25,000 generated signers (BENCH_RENDERER_ROWS) from 60 countries in 15 scripts (bench/lib/dossier-signers)
// are laid out by the dossier's own layout (dossier-layout.ts: two columns, country headings, "k / N") and
// printed (a) by our Chromium renderer and (b) by pdfkit, whose fontkit applies the fonts' OpenType GSUB/GPOS
// tables, with Debian's Noto fonts chosen per script. For each: time, peak memory (node; Chromium's RSS and
// PSS), file size, pages, with a one-signer PDF of each as the bare baseline. Then the shaping checks:
// `pdftotext` counts the names found per script, and `pdftoppm` draws the first list page of each script,
// which sharp stacks into one PNG per renderer (printed paths) for a person to look at.
// Decision 0030 and docs/performance.md record the figures and what the pictures showed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { chooseTexts } from '../src/domain/campaign/campaign.js';
import type { DossierDocument, RenderedPdf } from '../src/domain/petition/dossier.js';
import { translatorFor } from '../src/i18n/translator.js';
import { ChromiumDossierRenderer, defaultChromiumPath } from '../src/pdf/chromium-renderer.js';
import { columnWidthMm, dossierSections, linesPerColumn, listGrid } from '../src/pdf/dossier-document.js';
import { type ListPage, linesFor, paginate, type RowText } from '../src/pdf/dossier-layout.js';
import { createTestDb } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';
import { generatedGroups, names, scripts } from './lib/dossier-signers.js';
import { measured, type Peak, resetPeakRss } from './lib/process-memory.js';
import { peakRssMb } from './lib/processes.js';

const total = Number(process.env.BENCH_RENDERER_ROWS ?? 25_000);
const t0 = Date.UTC(2026, 10, 1);
const out = mkdtempSync(join(os.tmpdir(), 'outcry-renderers-'));

const truetype = '/usr/share/fonts/truetype/noto';
const cjk = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
/** A font per script: the first whose test matches a name draws it; Noto Sans draws the rest. */
const fonts: { key: string; test: RegExp; file: string; face?: string }[] = [
  { key: 'arabic', test: /\p{Script=Arabic}/u, file: `${truetype}/NotoSansArabic-Regular.ttf` },
  { key: 'hebrew', test: /\p{Script=Hebrew}/u, file: `${truetype}/NotoSansHebrew-Regular.ttf` },
  { key: 'devanagari', test: /\p{Script=Devanagari}/u, file: `${truetype}/NotoSansDevanagari-Regular.ttf` },
  { key: 'bengali', test: /\p{Script=Bengali}/u, file: `${truetype}/NotoSansBengali-Regular.ttf` },
  { key: 'thai', test: /\p{Script=Thai}/u, file: `${truetype}/NotoSansThai-Regular.ttf` },
  { key: 'khmer', test: /\p{Script=Khmer}/u, file: `${truetype}/NotoSansKhmer-Regular.ttf` },
  { key: 'georgian', test: /\p{Script=Georgian}/u, file: `${truetype}/NotoSansGeorgian-Regular.ttf` },
  { key: 'armenian', test: /\p{Script=Armenian}/u, file: `${truetype}/NotoSansArmenian-Regular.ttf` },
  { key: 'korean', test: /\p{Script=Hangul}/u, file: cjk, face: 'NotoSansCJKkr-Regular' },
  // A name in Han alone cannot say whether it is Chinese or Japanese; kana can.
  {
    key: 'japanese',
    test: /[\p{Script=Hiragana}\p{Script=Katakana}]/u,
    file: cjk,
    face: 'NotoSansCJKjp-Regular',
  },
  { key: 'chinese', test: /\p{Script=Han}/u, file: cjk, face: 'NotoSansCJKsc-Regular' },
];
const fontFor = (text: string) => fonts.find((f) => f.test.test(text))?.key ?? 'latin';

const ptPerMm = 72 / 25.4;
const margin = { top: 18 * ptPerMm, left: 14 * ptPerMm, bottom: 16 * ptPerMm };
const grid = { linesPerColumn, headingLines: listGrid.headingLines, columns: listGrid.columns };
const columnPt = columnWidthMm * ptPerMm;
const fontSize = 9.5;

/** The same dossier drawn with pdfkit: a cover, then the layout's pages, the names shaped by fontkit. */
function renderWithPdfkit(doc: DossierDocument, fixes: boolean): Promise<RenderedPdf> {
  const tr = translatorFor(doc.texts.locale);
  const pdf = new PDFDocument({ size: 'A4', autoFirstPage: false, bufferPages: true, margin: 0 });
  pdf.registerFont('latin', `${truetype}/NotoSans-Regular.ttf`);
  for (const f of fonts) pdf.registerFont(f.key, f.file, f.face ?? '');
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<RenderedPdf>((resolve, reject) => {
    pdf.on('end', () => resolve({ pdf: Buffer.concat(chunks), pages: pages.length + 1 }));
    pdf.on('error', reject);
  });
  const width = (text: string, key = fontFor(text)) => pdf.font(key).fontSize(fontSize).widthOfString(text);
  const meta = (row: RowText) => `${row.union ? ` · ${row.union}` : ''} · ${row.date}`;
  const sections = dossierSections(tr, doc).map((s) => ({
    heading: s.heading,
    rows: s.rows.map((text) => ({
      text,
      lines: linesFor(
        width(`${text.number} `, 'latin') + width(text.name) + width(meta(text), 'latin'),
        columnPt,
      ),
    })),
  }));
  const pages: ListPage[] = paginate(sections, grid, 2);
  const headline = doc.texts.headline;
  pdf.addPage();
  pdf
    .font(fontFor(headline))
    .fontSize(20)
    .text(headline, margin.left, margin.top + 40, { width: listGrid.widthMm * ptPerMm });
  pdf
    .font('latin')
    .fontSize(12)
    .moveDown()
    .text(`${doc.groups.reduce((n, g) => n + g.signers.length, 0)} signers`);
  const line = listGrid.lineHeightPt;
  for (const page of pages) {
    pdf.addPage();
    page.columns.forEach((slots, c) => {
      const x0 = margin.left + c * (columnPt + listGrid.columnGapMm * ptPerMm);
      let y = margin.top;
      for (const slot of slots) {
        if (slot.kind === 'heading') {
          y += line * (listGrid.headingLines - 1);
          pdf.font('latin').fontSize(11).text(slot.text, x0, y, { lineBreak: false });
          y += line;
          continue;
        }
        const row = slot.row.text;
        let x = x0;
        for (const [text, key] of [
          [`${row.number} `, 'latin'],
          [row.name, fontFor(row.name)],
          [meta(row), 'latin'],
        ] as const) {
          // fontkit emits glyphs in visual order (Hebrew and Arabic reversed, Indic vowel signs moved), so a
          // text extractor reads them scrambled unless the span carries the name as ActualText; and pdfkit
          // has no bidi: a right-to-left name loses its spaces unless its words are drawn one by one, the
          // last word first (enough for a name in one script; mixed directions need a bidi algorithm).
          const fixed = fixes && text === row.name && key !== 'latin';
          if (fixed) pdf.markContent('Span', { actual: text });
          if (fixed && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(text)) {
            let wx = x;
            for (const word of text.split(' ').reverse()) {
              pdf.font(key).fontSize(fontSize).text(word, wx, y, { lineBreak: false });
              wx += width(`${word} `, key);
            }
          } else pdf.font(key).fontSize(fontSize).text(text, x, y, { lineBreak: false });
          if (fixed) pdf.endMarkedContent();
          x += width(text, key);
        }
        y += line * slot.row.lines;
      }
    });
  }
  // Running header and "k / N" on every page once the count is known.
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    pdf
      .font(fontFor(headline))
      .fontSize(7.5)
      .text(headline, margin.left, 8 * ptPerMm, { lineBreak: false });
    pdf
      .font('latin')
      .fontSize(7.5)
      .text(`${i + 1} / ${range.count}`, 0, 297 * ptPerMm - 10 * ptPerMm, {
        width: 210 * ptPerMm,
        align: 'center',
        lineBreak: false,
      });
  }
  pdf.end();
  return done;
}

interface Measured {
  renderer: string;
  what: string;
  ms: number;
  nodePeak: number;
  chromium?: Peak;
  result: RenderedPdf;
}

/** pdfkit draws synchronously, so node's peak comes from VmHWM, reset just before. */
/** Collects garbage before a measurement (the script runs with --expose-gc), so one run's leftovers are not the next one's peak. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

async function measurePdfkit(what: string, doc: DossierDocument, fixes = false): Promise<Measured> {
  collect();
  if (!resetPeakRss()) throw new Error('cannot reset the peak RSS (/proc/self/clear_refs)');
  const started = performance.now();
  const result = await renderWithPdfkit(doc, fixes);
  return {
    renderer: fixes ? 'pdfkit+fixes' : 'pdfkit',
    what,
    ms: performance.now() - started,
    nodePeak: peakRssMb(process.pid) ?? 0,
    result,
  };
}

async function measureChromium(
  renderer: ChromiumDossierRenderer,
  what: string,
  doc: DossierDocument,
): Promise<Measured> {
  collect();
  const m = await measured(() => renderer.render(doc));
  return { renderer: 'Chromium', what, ms: m.ms, nodePeak: m.peak.node, chromium: m.peak, result: m.value };
}

/** How many times each script's name is in the text pdftotext extracts, against the signers who bear it. */
function namesFound(file: string): { counts: number[]; text: string } {
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  return { counts: names.map((n) => text.split(n).length - 1), text };
}

/** The first list page on which each script's countries start, drawn to PNG and joined into one sheet. */
async function specimen(
  file: string,
  text: string,
  groups: DossierDocument['groups'],
  label: string,
): Promise<string> {
  const pageTexts = text.split('\f');
  const english = new Intl.DisplayNames('en', { type: 'region' });
  const tiles: string[] = [];
  names.forEach((name, s) => {
    const group = groups.find((g) => g.signers.some((x) => x.name === name))!;
    const place = english.of(group.country!)!;
    const starts = pageTexts.findIndex((t, i) => i > 0 && t.includes(`${place} (`)) + 1;
    // The page after the heading's is the country's alone when it has more than a page of signers.
    const page = Math.min(starts + 1, pageTexts.length - 1);
    const base = join(out, `${label}-${String(s).padStart(2, '0')}`);
    // A strip of the top of the page at 110 dpi: the heading and the first names of both columns.
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      String(page),
      '-l',
      String(page),
      '-singlefile',
      '-x',
      '0',
      '-y',
      '40',
      '-W',
      '910',
      '-H',
      '150',
      file,
      base,
    ]);
    tiles.push(`${base}.png`);
  });
  const sheet = join(out, `${label}-scripts.png`);
  await sharp({ create: { width: 910, height: tiles.length * 156, channels: 3, background: '#888' } })
    .composite(tiles.map((input, i) => ({ input, top: i * 156 + 3, left: 0 })))
    .png()
    .toFile(sheet);
  return sheet;
}

const db = await createTestDb('sqlite');
const chromium = new ChromiumDossierRenderer(translatorFor, defaultChromiumPath);
try {
  const repo = new CampaignRepository(db);
  const id = await repo.create(buildCampaign(), t0);
  const slug = (
    await db.kysely.selectFrom('campaigns').select('slug').where('id', '=', id).executeTakeFirstOrThrow()
  ).slug;
  const campaign = (await repo.findBySlug(slug))!;
  const texts = chooseTexts(campaign, 'en')!.texts;
  const groups = generatedGroups(total, t0);
  const doc: DossierDocument = { campaign, texts, groups, generatedAt: Date.now() };
  const one: DossierDocument = {
    ...doc,
    groups: [{ country: groups[0]!.country, signers: groups[0]!.signers.slice(0, 1) }],
  };
  const expected = names.map((n) =>
    groups.reduce((k, g) => k + g.signers.filter((s) => s.name === n).length, 0),
  );
  const idle = peakRssMb(process.pid);
  if (!chromium.available()) throw new Error('Chromium not found at /usr/bin/chromium');
  // pdfkit first, so that its node peak is not Chromium's client's; each renderer's one-signer PDF first.
  const runs = [
    await measurePdfkit('1-signer PDF (baseline)', one),
    await measurePdfkit('full PDF', doc),
    await measurePdfkit('full PDF', doc, true),
    await measureChromium(chromium, '1-signer PDF (baseline)', one),
    await measureChromium(chromium, 'full PDF', doc),
  ];
  console.log(
    `bench:renderers ${new Date().toISOString()}  ${total.toLocaleString('en')} signers, 60 countries, 15 scripts; node RSS before rendering ${idle} MB; load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  const head = ['renderer', 'PDF', 'time', 'pages', 'size', 'node peak MB', 'Chromium PSS / RSS MB'];
  const rows = runs.map((r) => [
    r.renderer,
    r.what,
    `${(r.ms / 1000).toFixed(2)} s`,
    String(r.result.pages),
    `${(r.result.pdf.length / 1e6).toFixed(2)} MB`,
    r.nodePeak.toFixed(0),
    r.chromium ? `${r.chromium.chromiumPss.toFixed(0)} / ${r.chromium.chromium.toFixed(0)}` : '—',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const r of rows) console.log(line(r));
  console.log('\nNames found by pdftotext in the full PDF (found / signers bearing the name):');
  const checks: { r: Measured; file: string; found: { counts: number[]; text: string }; sheet: string }[] =
    [];
  for (const r of runs.filter((x) => x.what === 'full PDF')) {
    const file = join(out, `${r.renderer}.pdf`);
    writeFileSync(file, r.result.pdf);
    const found = namesFound(file);
    checks.push({ r, file, found, sheet: await specimen(file, found.text, groups, r.renderer) });
  }
  const checkHead = ['script', 'name', ...checks.map((c) => c.r.renderer)];
  const checkRows = scripts.map((s, i) => [
    s,
    names[i]!,
    ...checks.map((c) => `${c.found.counts[i]} / ${expected[i]}`),
  ]);
  const cw = checkHead.map((h, i) => Math.max(h.length, ...checkRows.map((r) => r[i]!.length)));
  const cline = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(cw[i]!)).join(' | ')} |`;
  console.log(cline(checkHead));
  console.log(cline(cw.map((w) => '-'.repeat(w))));
  for (const r of checkRows) console.log(cline(r));
  console.log('\nLook at one strip per script, in the order above:');
  for (const c of checks) console.log(`${c.r.renderer}: ${c.sheet} (PDF ${c.file})`);
} finally {
  await chromium.close();
  await db.destroy();
}
