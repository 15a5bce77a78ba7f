// Renders dossiers to PDF with Debian's Chromium through playwright-core (docs/decisions/0030-dossiers.md):
// Chromium shapes every script (Arabic and Persian joined right to left, Devanagari, Bengali, Thai, Khmer)
// with the Noto fonts installed on the machine and embeds subsets of them; nothing is fetched. One browser is
// started on first use and kept, and so are its pages between dossiers. The list is laid out on
// pages in advance (rows measured once), printed a few pages at a time and the parts joined, so neither
// time nor Chromium's memory grows with one giant document; page numbers come from the layout.
// playwright-core and pdf-lib are loaded on the first dossier, not at start: loading playwright-core costs
// every web and worker process ~35 MB of resident memory (measured, decision 0020 "Memory"), and most
// processes never make a dossier. Chromium starts without the processes a headless printer never uses (the
// omnibox popup's WebUI renderer, a spare renderer, SwiftShader): measured process by process in decision 0030.
// Debian's headless shell is preferred to the full browser where it is installed (no browser UI, no print
// compositor: ~130 MB less), and a page is closed for a fresh one once it has measured or printed a share of
// a big dossier, since Chromium's renderer keeps what it has shaped and drawn (decision 0030, "Under 600 MB").
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import type {
  DossierDocument,
  DossierRenderer,
  PagesPrinted,
  RenderedPdf,
} from '../domain/petition/dossier.js';
import type { Translator } from '../i18n/translator.js';
import {
  columnWidthMm,
  type DossierPart,
  dossierSections,
  linesPerColumn,
  listGrid,
  renderDossierHtml,
  rowFont,
} from './dossier-document.js';
import { type ListSection, linesFor, paginate, type RowText, rowLine } from './dossier-layout.js';
import { joinPdfs } from './join-pdfs.js';

/** Debian's `chromium-headless-shell`: Chromium's printing without the browser's interface. */
export const headlessShellPath = '/usr/bin/chromium-headless-shell';
/** Debian's `chromium`: the full browser, which prints the same (the tests' journeys run in it). */
export const fullChromiumPath = '/usr/bin/chromium';

/** The headless shell where it is installed, else the full browser. */
export const defaultChromiumPath = existsSync(headlessShellPath) ? headlessShellPath : fullChromiumPath;

/** The launch switches of the tests' Chromium (docs/architecture.md), which the renderer started with. */
export const baseChromiumArgs: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Chromium features that start processes a headless printer never uses (measured process by process,
 * decision 0030, "Chromium's floor"): the omnibox popup's WebUI, which Chromium loads into a renderer of its
 * own for every browser window, and the spare renderer it keeps warm for the next navigation (our pages
 * never navigate: `setContent` reuses the page's renderer).
 */
export const unusedFeatures: readonly string[] = [
  'WebUIOmniboxPopup',
  'WebUIOmniboxAimPopup',
  'WebUIOmniboxFullPopup',
  'SpareRendererForSitePerProcess',
];

/**
 * The features playwright-core 1.65 disables in its own launch switches. Chromium keeps only the last
 * `--disable-features` on a command line, and ours comes after Playwright's, so it repeats them (an upgrade
 * of Playwright that changes its list only changes which of these stay disabled in the renderer).
 */
const playwrightDisabledFeatures: readonly string[] = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/** The renderer's launch switches: the base ones, no software GPU, the unused features disabled. */
export const chromiumArgs: readonly string[] = [
  ...baseChromiumArgs,
  // With the GPU off, Chromium still loads SwiftShader (a software GPU, for WebGL) into its GPU process; a
  // printed list draws nothing with it.
  '--disable-software-rasterizer',
  `--disable-features=${unusedFeatures.join(',')}`,
];

/**
 * `args` as Chromium must get them after Playwright's own switches: every `--disable-features` among them
 * (and Playwright's list) merged into one, since only the last one on a command line counts.
 */
export function withMergedFeatures(args: readonly string[]): string[] {
  const prefix = '--disable-features=';
  const ours = args.filter((a) => a.startsWith(prefix)).flatMap((a) => a.slice(prefix.length).split(','));
  if (ours.length === 0) return [...args];
  const features = [...new Set([...playwrightDisabledFeatures, ...ours.filter(Boolean)])];
  return [...args.filter((a) => !a.startsWith(prefix)), `${prefix}${features.join(',')}`];
}

/** The number of pages of a PDF, read with pdf-lib. */
export async function pdfPageCount(pdf: Uint8Array): Promise<number> {
  const { PDFDocument } = await import('pdf-lib');
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

/** List pages printed per `page.pdf()` call: small parts keep Chromium's memory flat whatever the size. */
export const pagesPerPart = 6;

/**
 * What one page (one renderer process) measures and prints before it is closed for a fresh one. A renderer
 * keeps the fonts, shapes and documents it has seen: over a 25,000-signer dossier it grew from 70 to 180 MB
 * measuring and again to 225 MB printing, where a fresh one starts at ~70 MB (decision 0030, "Under 600 MB").
 * A per-country dossier stays on one page; the 25,000-signer one takes 17 (renderer peak 225 → 137 MB PSS),
 * ~0.1–0.2 s each; smaller shares cost more time than they save memory (`BENCH_EXPORT_BUDGET`).
 */
export const rendererBudget = { rows: 6_000, pages: 18 };

/** A page to print on and what it has done since it was opened. */
interface Lease {
  page: Page;
  rows: number;
  pages: number;
}

const pxPerMm = 96 / 25.4;

export class ChromiumDossierRenderer implements DossierRenderer {
  private browser: Promise<Browser> | null = null;
  private idle: Lease[] = [];
  private opened = 0;

  constructor(
    private readonly translatorFor: (locale: string) => Translator,
    private readonly executablePath = defaultChromiumPath,
    /** List pages printed per `page.pdf()` call. */
    private readonly perPart = pagesPerPart,
    /** Chromium's launch switches (the benchmark tries others). */
    private readonly args: readonly string[] = chromiumArgs,
    /** What a page measures and prints before a fresh one takes over. */
    private readonly budget: { rows: number; pages: number } = rendererBudget,
  ) {}

  /** Pages (renderer processes) opened since the renderer was made: what the work budget cost. */
  get pagesOpened(): number {
    return this.opened;
  }

  available(): boolean {
    return existsSync(this.executablePath);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.executablePath, args: withMergedFeatures(this.args) }),
      );
      this.browser.catch(() => {
        this.browser = null;
      });
    }
    return this.browser;
  }

  async render(doc: DossierDocument, onPages?: PagesPrinted): Promise<RenderedPdf> {
    let lease = await this.lease();
    /** The page for the next piece of work, a fresh one if this one has done its share. */
    const take = async (rows: number, pages: number) => {
      const { rows: rowsBudget, pages: pagesBudget } = this.budget;
      if (
        lease.rows + lease.pages > 0 &&
        (lease.rows + rows > rowsBudget || lease.pages + pages > pagesBudget)
      ) {
        const spent = lease.page;
        lease = await this.lease(true);
        await spent.close().catch(() => undefined);
      }
      lease.rows += rows;
      lease.pages += pages;
      return lease.page;
    };
    try {
      const tr = this.translatorFor(doc.texts.locale);
      const sections = await measured(dossierSections(tr, doc), this.budget.rows, (rows) => take(rows, 0));
      const grid = { linesPerColumn, headingLines: listGrid.headingLines, columns: listGrid.columns };
      const perPart = this.perPart;
      const print = async (part: DossierPart) => {
        const page = await take(0, part.pages.length + (part.cover ? 1 : 0));
        await page.setContent(renderDossierHtml(tr, doc, part), { waitUntil: 'load' });
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
        return { pdf, pages: await pdfPageCount(pdf) };
      };
      // The cover is laid out by the browser: assume one page, and lay the list out again if it took more.
      let coverPages = 1;
      let pages = paginate(sections, grid, coverPages + 1);
      let first = await print({
        cover: true,
        pages: pages.slice(0, perPart),
        total: coverPages + pages.length,
      });
      const firstListPages = Math.min(perPart, pages.length);
      if (first.pages !== coverPages + firstListPages) {
        coverPages = first.pages - firstListPages;
        pages = paginate(sections, grid, coverPages + 1);
        first = await print({
          cover: true,
          pages: pages.slice(0, perPart),
          total: coverPages + pages.length,
        });
      }
      const total = coverPages + pages.length;
      const parts = [first.pdf];
      let printed = first.pages;
      await onPages?.(printed, total);
      for (let from = perPart; from < pages.length; from += perPart) {
        const chunk = pages.slice(from, from + perPart);
        const out = await print({ cover: false, pages: chunk, total });
        // A page the layout did not plan would put every later number out of step: fail rather than mislead.
        if (out.pages !== chunk.length)
          throw new Error(`list part printed ${out.pages} pages, ${chunk.length} planned`);
        parts.push(out.pdf);
        printed += out.pages;
        await onPages?.(printed, total);
      }
      const pdf = parts.length === 1 ? parts[0]! : await joinPdfs(parts);
      return { pdf, pages: total };
    } finally {
      // Drop the printed document before the page waits for the next one (it holds every name); a page that
      // has done most of its share is closed instead, so an idle worker does not keep a grown renderer.
      const done = lease;
      const spent = done.rows > this.budget.rows / 2 || done.pages > this.budget.pages / 2;
      if (!spent && (await emptied(done.page))) this.idle.push(done);
      else await done.page.close().catch(() => undefined);
    }
  }

  /**
   * A page to print on: an idle one (a ZIP prints dozens of documents in a row), or a new one (always a new
   * one when `fresh`: a new page is a new renderer process).
   */
  private async lease(fresh = false): Promise<Lease> {
    const idle = fresh ? undefined : this.idle.pop();
    if (idle && !idle.page.isClosed()) return idle;
    const page = await (await this.launch()).newPage();
    this.opened++;
    // No request leaves the page: everything it needs is inline, fonts come from the system.
    await page.route('**/*', (route) => route.abort());
    return { page, rows: 0, pages: 0 };
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    this.idle = [];
    if (browser) await (await browser).close().catch(() => undefined);
  }
}

/**
 * Every row's width as the browser shapes it (a canvas with the list's font: the same fallback fonts and
 * shaping as the printed text), turned into the lines it takes in a column; measured `batch` rows at a time,
 * each batch on the page `pageFor` gives it.
 */
async function measured(
  sections: { heading: string; rows: RowText[] }[],
  batch: number,
  pageFor: (rows: number) => Promise<Page>,
): Promise<ListSection[]> {
  const texts = sections.flatMap((s) => s.rows.map(rowLine));
  const widths: number[] = [];
  for (let from = 0; from < texts.length; from += batch) {
    const slice = texts.slice(from, from + batch);
    const page = await pageFor(slice.length);
    widths.push(
      ...(await page.evaluate(
        ({ font, texts }) => {
          const context = document.createElement('canvas').getContext('2d');
          if (!context) throw new Error('no canvas');
          context.font = font;
          return texts.map((text) => context.measureText(text).width);
        },
        { font: rowFont, texts: slice },
      )),
    );
  }
  const column = columnWidthMm * pxPerMm;
  let at = 0;
  return sections.map((s) => ({
    heading: s.heading,
    rows: s.rows.map((text) => ({ text, lines: linesFor(widths[at++] ?? 0, column) })),
  }));
}

/** Blanks a page for its next document; false when the page cannot be blanked (it is closed instead). */
async function emptied(page: Page): Promise<boolean> {
  try {
    await page.setContent('');
    return true;
  } catch {
    return false;
  }
}
