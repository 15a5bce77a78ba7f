// The printable petition: a document of its own (no site header or menus) with the demand, the count and
// the date, then every signer grouped by country (countries by name in the page language), each group with
// its count, for A4 paper (assets/print.css). The browser's Print, or Chromium's page.pdf(), turns it into
// paper or a PDF; names keep their own direction inside a right-to-left page.
import type { CampaignTexts, CampaignWithContent } from '../../../domain/campaign/campaign.js';
import type { PetitionSigner } from '../../../domain/petition/petition.js';
import { directionOf } from '../../../i18n/locales.js';
import type { Translator } from '../../../i18n/translator.js';
import { countryName } from '../../views/country-names.js';
import type { SiteInfo } from '../../views/layout.js';

export interface PrintGroup {
  country: string | null;
  signers: PetitionSigner[];
}

export function PetitionPrint({
  tr,
  site,
  campaign,
  texts,
  groups,
  generatedAt,
}: {
  tr: Translator;
  site: SiteInfo;
  campaign: CampaignWithContent;
  texts: CampaignTexts;
  groups: PrintGroup[];
  generatedAt: number;
}) {
  const t = tr.t;
  const total = groups.reduce((n, g) => n + g.signers.length, 0);
  return (
    <html lang={tr.locale} dir={tr.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${t('petition.title', { headline: texts.headline })} · ${site.name}`}</title>
        <link rel="stylesheet" href="/assets/print.css" />
      </head>
      <body>
        <p class="print-hint">
          {t('petitionPrint.hint')}{' '}
          <a href={`/${tr.locale}/campaigns/${campaign.slug}/petition`}>{t('petitionPrint.back')}</a>
        </p>
        <header class="print-cover">
          <h1 lang={texts.locale} dir={directionOf(texts.locale)}>
            {texts.headline}
          </h1>
          <blockquote lang={texts.locale} dir={directionOf(texts.locale)}>
            {texts.defaultMessage.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </blockquote>
          {campaign.partners.length > 0 && (
            <p>
              {t('petitionPrint.partners', { partners: campaign.partners.map((p) => p.name).join(', ') })}
            </p>
          )}
          <p class="print-facts">
            <strong>{t('petition.signers', { count: total })}</strong> ·{' '}
            {t('petitionPrint.generated', { date: tr.date(generatedAt, 'long') })}
          </p>
        </header>
        {groups.map((g) => {
          const place = countryName(tr.locale, g.country) ?? t('petitionPrint.noCountry');
          return (
            <section key={g.country ?? ''} class="print-country">
              <h2>
                {place} ({tr.number(g.signers.length)})
              </h2>
              <ol class="print-list">
                {g.signers.map((s) => (
                  <li key={s.id}>
                    {s.name === null ? t('petition.anonymous', { country: place }) : <bdi>{s.name}</bdi>}
                    <span class="meta">
                      {s.union && (
                        <>
                          {' · '}
                          <bdi>{s.union}</bdi>
                        </>
                      )}
                      {' · '}
                      {tr.date(s.signedAt)}
                    </span>
                  </li>
                ))}
              </ol>
            </section>
          );
        })}
      </body>
    </html>
  );
}
