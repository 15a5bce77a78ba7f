// The dossier as HTML for the PDF renderer, printed in parts: a cover (campaign, demand, partners, targets,
// count, date range, date generated, the verification block when given) and runs of list pages laid out in
// advance (dossier-layout.ts): signers grouped by country, countries sorted by their name in the dossier's
// language, two columns a page. Styles are inline (the renderer loads no URL) and name the Noto families
// Debian installs, so every script is drawn with an embedded font; the running header and the page numbers
// are page-margin boxes, so a part printed on its own still carries its pages' numbers in the whole.
import { renderToString } from 'preact-render-to-string';
import type { DossierDocument } from '../domain/petition/dossier.js';
import { signerCount, signingRange } from '../domain/petition/dossier.js';
import { countryName } from '../http/views/country-names.js';
import { directionOf } from '../i18n/locales.js';
import type { Translator } from '../i18n/translator.js';
import type { ListPage, RowText } from './dossier-layout.js';

export const dossierFonts =
  '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans Georgian", ' +
  '"Noto Sans Armenian", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Thai", "Noto Sans Khmer", ' +
  '"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", sans-serif';

/** Page geometry in one place: the CSS below and the layout's arithmetic must agree. */
export const listGrid = {
  /** A4 less the page margins (18 mm top, 16 mm bottom, 14 mm each side), a little short of the full
   * 263 mm so that rounding never pushes a page's last sliver onto a page of its own. */
  heightMm: 262,
  columnGapMm: 8,
  widthMm: 182,
  lineHeightPt: 13,
  headingLines: 3,
  columns: 2,
} as const;
export const columnWidthMm = (listGrid.widthMm - listGrid.columnGapMm) / listGrid.columns;
export const linesPerColumn = Math.floor(((listGrid.heightMm / 25.4) * 72) / listGrid.lineHeightPt);
/** The body text's font as the canvas that measures it names it (same size, same families). */
export const rowFont = `9.5pt ${dossierFonts}`;

const css = `
@page { size: A4; margin: 18mm 14mm 16mm; }
:root { font-family: ${dossierFonts}; font-size: 9.5pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
.cover h1 { font-size: 20pt; margin: 0 0 5mm; }
.cover blockquote { margin: 0 0 5mm; padding: 2mm 4mm; border-inline-start: 1.2mm solid #000; font-size: 10.5pt; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 5mm; margin: 0; font-size: 10.5pt; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover ul { margin: 0; padding-inline-start: 5mm; }
.verification { margin-top: 8mm; padding: 3mm; border: 0.3mm solid #000; font-family: monospace; word-break: break-all; }
.pg { height: ${listGrid.heightMm}mm; display: flex; gap: ${listGrid.columnGapMm}mm; overflow: hidden; }
.col { flex: 1 1 0; min-width: 0; }
.r { height: ${listGrid.lineHeightPt}pt; line-height: ${listGrid.lineHeightPt}pt; overflow-wrap: anywhere; }
.h { height: ${listGrid.headingLines * listGrid.lineHeightPt}pt; box-sizing: border-box; display: flex; align-items: flex-end;
  font-size: 11pt; font-weight: bold; padding-bottom: 1mm; border-bottom: 0.3mm solid #000; margin: 0; }
.h span { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.meta { color: #333; }
`;

/** A text as a CSS string literal that cannot end the string nor the style element. */
const cssString = (text: string) =>
  `"${text.replace(/[^\p{L}\p{M}\p{N} .,:;!?()-]/gu, (c) => `\\${c.codePointAt(0)!.toString(16)} `)}"`;

/**
 * The running header (the headline) and page numbers as page-margin boxes: the pages before the list (the
 * cover) count from 1, every list page carries its own number, computed by the layout.
 */
function marginCss(headline: string, dir: 'ltr' | 'rtl', total: number, pages: readonly ListPage[]): string {
  const band = 'font-size: 7.5pt; color: #333;';
  const head = `@${dir === 'rtl' ? 'top-right' : 'top-left'} { content: ${cssString(headline)}; ${band} direction: ${dir}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }`;
  return [
    `@page { ${head} @bottom-center { content: counter(page) " / ${total}"; ${band} direction: ltr; } }`,
    ...pages.map((p) => `@page p${p.number} { @bottom-center { content: "${p.number} / ${total}"; } }`),
  ].join('\n');
}

/** The signers as the list prints them: countries sorted by name in the dossier's language, numbered. */
export function dossierSections(
  tr: Translator,
  doc: DossierDocument,
): { heading: string; rows: RowText[] }[] {
  const lang = doc.texts.locale;
  const shortDate = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang);
  return doc.groups
    .map((g) => ({ ...g, place: countryName(lang, g.country) ?? tr.t('petitionPrint.noCountry') }))
    .sort((a, b) => (a.country === null ? 1 : b.country === null ? -1 : a.place.localeCompare(b.place, lang)))
    .filter((g) => g.signers.length > 0)
    .map((g) => ({
      heading: `${g.place} (${number.format(g.signers.length)})`,
      rows: g.signers.map((s, i) => ({
        number: `${number.format(i + 1)}.`,
        name: s.name ?? tr.t('petition.anonymous', { country: g.place }),
        anonymous: s.name === null,
        union: s.union,
        date: shortDate.format(s.signedAt),
      })),
    }));
}

function ListPageView({ page }: { page: ListPage }) {
  return (
    <div class="pg" style={`page: p${page.number}`}>
      {page.columns.map((slots, c) => (
        <div class="col" key={c}>
          {slots.map((slot, i) =>
            slot.kind === 'heading' ? (
              <h2 class="h" key={i}>
                <span>{slot.text}</span>
              </h2>
            ) : (
              <div
                class="r"
                key={i}
                style={slot.row.lines > 1 ? `height: ${slot.row.lines * listGrid.lineHeightPt}pt` : undefined}
              >
                {slot.row.text.number}{' '}
                {slot.row.text.anonymous ? slot.row.text.name : <bdi>{slot.row.text.name}</bdi>}
                <span class="meta">
                  {slot.row.text.union && (
                    <>
                      {' · '}
                      <bdi>{slot.row.text.union}</bdi>
                    </>
                  )}
                  {' · '}
                  {slot.row.text.date}
                </span>
              </div>
            ),
          )}
        </div>
      ))}
    </div>
  );
}

export interface DossierPart {
  /** Whether this part opens with the cover. */
  cover: boolean;
  /** The list pages it prints (numbered in the whole document). */
  pages: readonly ListPage[];
  /** Pages in the whole document, for "3 / 224". */
  total: number;
}

/** One printable part of the dossier: the cover and/or a run of list pages, with the running header. */
export function renderDossierHtml(tr: Translator, doc: DossierDocument, part: DossierPart): string {
  const t = tr.t;
  const { campaign, texts } = doc;
  // Country names, dates and numbers in the campaign language chosen at export (Intl knows far more
  // languages than the interface catalogs); the few labels come from the catalog of that language or English.
  const lang = texts.locale;
  const dir = directionOf(lang);
  const total = signerCount(doc.groups);
  const range = signingRange(doc.groups);
  const longDate = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang);
  const styles = `${css}\n${marginCss(texts.headline, dir, part.total, part.pages)}`;
  const page = (
    <html lang={lang} dir={dir}>
      <head>
        <meta charset="utf-8" />
        <title>{texts.headline}</title>
        <style dangerouslySetInnerHTML={{ __html: styles }} />
      </head>
      <body>
        {part.cover && (
          <section class="cover">
            <h1>{texts.headline}</h1>
            <blockquote>
              {texts.defaultMessage.split(/\n{2,}/).map((para, i) => (
                <p key={i}>{para}</p>
              ))}
            </blockquote>
            <dl>
              {campaign.partners.length > 0 && (
                <>
                  <dt>{t('editor.dossier.partners')}</dt>
                  <dd>{campaign.partners.map((p) => p.name).join(', ')}</dd>
                </>
              )}
              {campaign.targets.length > 0 && (
                <>
                  <dt>{t('editor.dossier.targets')}</dt>
                  <dd>
                    <ul>
                      {campaign.targets.map((target) => (
                        <li key={target.id}>
                          <bdi>{target.name}</bdi>
                          {target.organisation && (
                            <>
                              {', '}
                              <bdi>{target.organisation}</bdi>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              <dt>{t('editor.dossier.signers')}</dt>
              <dd>{number.format(total)}</dd>
              {range && (
                <>
                  <dt>{t('editor.dossier.signedBetween')}</dt>
                  <dd>{longDate.formatRange(range.from, range.to)}</dd>
                </>
              )}
              <dt>{t('editor.dossier.generated')}</dt>
              <dd>{longDate.format(doc.generatedAt)}</dd>
            </dl>
            {doc.verification && (
              <p class="verification">
                {doc.verification.label}
                <br />
                {doc.verification.code}
              </p>
            )}
          </section>
        )}
        {part.pages.map((p) => (
          <ListPageView key={p.number} page={p} />
        ))}
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(page)}`;
}
