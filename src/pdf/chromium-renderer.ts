// Renders dossiers to PDF with Debian's Chromium through playwright-core (docs/decisions/0030-dossiers.md):
// Chromium shapes every script (Arabic and Persian joined right to left, Devanagari, Bengali, Thai, Khmer)
// with the Noto fonts installed on the machine and embeds subsets of them; nothing is fetched. One browser is
// started on first use and kept; each dossier gets its own page, closed afterwards. Page numbers and the
// running header (the campaign's headline) are Chromium's header and footer templates. playwright-core is
// loaded on the first dossier, not at start: loading it costs every web and worker process ~35 MB of
// resident memory (measured, decision 0020 "Memory"), and most processes never make a dossier.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { DossierDocument, DossierRenderer, RenderedPdf } from '../domain/petition/dossier.js';
import { directionOf } from '../i18n/locales.js';
import type { Translator } from '../i18n/translator.js';
import { dossierFonts, renderDossierHtml } from './dossier-document.js';

export const defaultChromiumPath = '/usr/bin/chromium';

const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Counts the page objects of a PDF Chromium wrote (Skia writes each as `/Type /Page`, uncompressed). */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  // A scan rather than a pattern: the audit refuses patterns that can backtrack.
  let pages = 0;
  for (let at = text.indexOf('/Type'); at !== -1; at = text.indexOf('/Type', at + 5)) {
    let i = at + 5;
    while (i < text.length && ' \t\r\n\f'.includes(text[i]!)) i++;
    if (text.startsWith('/Page', i) && !/[\w]/.test(text[i + 5] ?? '')) pages++;
  }
  return pages;
}

export class ChromiumDossierRenderer implements DossierRenderer {
  private browser: Promise<Browser> | null = null;

  constructor(
    private readonly translatorFor: (locale: string) => Translator,
    private readonly executablePath = defaultChromiumPath,
  ) {}

  available(): boolean {
    return existsSync(this.executablePath);
  }

  private launch(): Promise<Browser> {
    if (!this.browser) {
      this.browser = import('playwright-core').then(({ chromium }) =>
        chromium.launch({ executablePath: this.executablePath, args }),
      );
      this.browser.catch(() => {
        this.browser = null;
      });
    }
    return this.browser;
  }

  async render(doc: DossierDocument): Promise<RenderedPdf> {
    const browser = await this.launch();
    const page = await browser.newPage();
    try {
      // No request leaves the page: everything it needs is inline, fonts come from the system.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(renderDossierHtml(this.translatorFor(doc.texts.locale), doc), {
        waitUntil: 'load',
      });
      const dir = directionOf(doc.texts.locale);
      const band = `font-family:${escapeHtml(dossierFonts)};font-size:7.5pt;width:100%;margin:0 14mm;display:flex;justify-content:space-between;gap:6mm;color:#333`;
      const pdf = await page.pdf({
        format: 'A4',
        printBackground: false,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div dir="${dir}" style="${band}"><span style="overflow:hidden;white-space:nowrap;text-overflow:ellipsis">${escapeHtml(doc.texts.headline)}</span></div>`,
        footerTemplate: `<div dir="ltr" style="${band};justify-content:center"><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
      });
      return { pdf, pages: pdfPageCount(pdf) };
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser).close().catch(() => undefined);
  }
}
