// A list of campaigns as cards: headline, partners, count and a link to sign. Used by home and thank-you.
import type { CampaignSummary } from '../../domain/campaign/list-live-campaigns.js';
import { directionOf } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';

export function CampaignList({
  tr,
  campaigns,
  locale,
}: {
  tr: Translator;
  campaigns: CampaignSummary[];
  locale: string;
}) {
  if (campaigns.length === 0) return <p class="empty">{tr.t('home.none')}</p>;
  return (
    <ul class="campaign-list">
      {campaigns.map(({ campaign, texts, isFallback, total }) => {
        const href = `/${locale}/campaigns/${campaign.slug}`;
        return (
          <li key={campaign.id} class="campaign-card">
            <h2 lang={texts.locale} dir={directionOf(texts.locale)}>
              <a href={href}>{texts.headline}</a>
            </h2>
            {campaign.partners.length > 0 && (
              <p class="partners">
                {tr.t('campaign.partnership', { partners: tr.list(campaign.partners.map((p) => p.name)) })}
              </p>
            )}
            {isFallback && (
              <p class="notice notice--small">
                {tr.t('home.inSourceLanguage', { language: tr.languageName(texts.locale) })}
              </p>
            )}
            <p class="count">{tr.t('home.supporters', { count: total })}</p>
            <a class="button" href={href}>
              {tr.t('home.signButton')}
            </a>
          </li>
        );
      })}
    </ul>
  );
}
