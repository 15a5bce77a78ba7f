// The dossier as one HTML document for the PDF renderer: a cover page (campaign, demand, partners, targets,
// count, date range, date generated, the verification block when given), then the signers grouped by
// country, countries sorted by their name in the dossier's language. Styles are inline (the renderer loads
// no URL) and name the Noto families Debian installs, so every script is drawn with an embedded font.
import { renderToString } from 'preact-render-to-string';
import type { DossierDocument } from '../domain/petition/dossier.js';
import { signerCount, signingRange } from '../domain/petition/dossier.js';
import { countryName } from '../http/views/country-names.js';
import { directionOf } from '../i18n/locales.js';
import type { Translator } from '../i18n/translator.js';

export const dossierFonts =
  '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans Hebrew", "Noto Sans Georgian", ' +
  '"Noto Sans Armenian", "Noto Sans Devanagari", "Noto Sans Bengali", "Noto Sans Thai", "Noto Sans Khmer", ' +
  '"Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK KR", sans-serif';

const css = `
@page { size: A4; margin: 18mm 14mm 16mm; }
:root { font-family: ${dossierFonts}; font-size: 9.5pt; line-height: 1.35; color: #000; background: #fff; }
body { margin: 0; }
.cover { break-after: page; }
.cover h1 { font-size: 20pt; margin: 0 0 5mm; }
.cover blockquote { margin: 0 0 5mm; padding: 2mm 4mm; border-inline-start: 1.2mm solid #000; font-size: 10.5pt; }
.cover dl { display: grid; grid-template-columns: max-content 1fr; gap: 1.5mm 5mm; margin: 0; font-size: 10.5pt; }
.cover dt { font-weight: bold; }
.cover dd { margin: 0; }
.cover ul { margin: 0; padding-inline-start: 5mm; }
.verification { margin-top: 8mm; padding: 3mm; border: 0.3mm solid #000; font-family: monospace; word-break: break-all; }
h2 { font-size: 12pt; margin: 5mm 0 2mm; padding-bottom: 1mm; border-bottom: 0.3mm solid #000; break-after: avoid; }
ol { margin: 0; padding-inline-start: 10mm; columns: 2; column-gap: 8mm; }
li { break-inside: avoid; }
.meta { color: #333; }
`;

/** The body of the running header: the campaign's headline (page numbers are the footer's). */
export function dossierHeadline(doc: DossierDocument): string {
  return doc.texts.headline;
}

export function renderDossierHtml(tr: Translator, doc: DossierDocument): string {
  const t = tr.t;
  const { campaign, texts } = doc;
  // Country names, dates and numbers in the campaign language chosen at export (Intl knows far more
  // languages than the interface catalogs); the few labels come from the catalog of that language or English.
  const lang = texts.locale;
  const total = signerCount(doc.groups);
  const range = signingRange(doc.groups);
  const longDate = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const shortDate = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const number = new Intl.NumberFormat(lang);
  const groups = doc.groups
    .map((g) => ({ ...g, place: countryName(lang, g.country) ?? t('petitionPrint.noCountry') }))
    .sort((a, b) =>
      a.country === null ? 1 : b.country === null ? -1 : a.place.localeCompare(b.place, lang),
    );
  const page = (
    <html lang={lang} dir={directionOf(lang)}>
      <head>
        <meta charset="utf-8" />
        <title>{texts.headline}</title>
        <style dangerouslySetInnerHTML={{ __html: css }} />
      </head>
      <body>
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
        {groups.map((g) => (
          <section key={g.country ?? ''}>
            <h2>
              {g.place} ({number.format(g.signers.length)})
            </h2>
            <ol>
              {g.signers.map((s) => (
                <li key={s.id}>
                  {s.name === null ? t('petition.anonymous', { country: g.place }) : <bdi>{s.name}</bdi>}
                  <span class="meta">
                    {s.union && (
                      <>
                        {' · '}
                        <bdi>{s.union}</bdi>
                      </>
                    )}
                    {' · '}
                    {shortDate.format(s.signedAt)}
                  </span>
                </li>
              ))}
            </ol>
          </section>
        ))}
      </body>
    </html>
  );
  return `<!doctype html>${renderToString(page)}`;
}
