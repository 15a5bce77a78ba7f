// Joins the parts of a dossier printed one after another into one PDF with pdf-lib (a maintained PDF
// library; decision 0030): each part's pages are copied in order, with the fonts each part embeds, and the
// first part's title and language carry over to the whole.
// pdf-lib is loaded on the first join (see chromium-renderer.ts: most processes never make a dossier).

/** The parts' pages in order, as one document. */
export async function joinPdfs(parts: readonly Uint8Array[]): Promise<Uint8Array> {
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const out = await PDFDocument.create({ updateMetadata: false });
  for (const [i, bytes] of parts.entries()) {
    const part = await PDFDocument.load(bytes, { updateMetadata: false });
    if (i === 0) {
      const title = part.getTitle();
      if (title) out.setTitle(title);
      const lang = part.catalog.get(PDFName.of('Lang'));
      if (lang instanceof PDFString) out.setLanguage(lang.decodeText());
    }
    for (const page of await out.copyPages(part, part.getPageIndices())) out.addPage(page);
  }
  return out.save({ useObjectStreams: true });
}
