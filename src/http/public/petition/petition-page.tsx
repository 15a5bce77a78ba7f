// The public petition: the campaign's demand in the visitor's language, then its signers newest first as
// the campaign shows them, a country filter (a plain GET form) and a link to the next (older) page. No
// script; names keep their own direction (dir="auto") inside a right-to-left page.

import { formatCursor } from '../../../domain/petition/petition.js';
import type { PetitionView } from '../../../domain/petition/view-petition.js';
import { directionOf } from '../../../i18n/locales.js';
import type { Translator } from '../../../i18n/translator.js';
import { countryName } from '../../views/country-names.js';
import { SubmitButton } from '../../views/form-fields.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export function PetitionPage({
  tr,
  site,
  view,
  country,
  first,
}: {
  tr: Translator;
  site: SiteInfo;
  view: PetitionView;
  /** The country filter in force, if any. */
  country: string | null;
  /** Whether this is the first (newest) page. */
  first: boolean;
}) {
  const t = tr.t;
  const { campaign, texts } = view;
  const base = `/${tr.locale}/campaigns/${campaign.slug}`;
  const closed = campaign.status === 'closed';
  const collator = new Intl.Collator(tr.locale);
  const countries = view.countries
    .map((c) => ({ ...c, name: countryName(tr.locale, c.country) ?? c.country }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const query = (extra: Record<string, string>) => {
    const params = new URLSearchParams({ ...(country ? { country } : {}), ...extra });
    const text = params.toString();
    return text ? `?${text}` : '';
  };
  return (
    <Layout
      tr={tr}
      site={site}
      title={t('petition.title', { headline: texts.headline })}
      path={`/campaigns/${campaign.slug}/petition`}
      head={first && !country ? undefined : <meta name="robots" content="noindex, follow" />}
    >
      {closed && (
        <div class="banner banner--closed" role="status">
          <strong>{t('petition.closed')}</strong>
        </div>
      )}
      {view.isFallback && (
        <p class="notice">
          {t('campaign.fallbackNotice', {
            requested: tr.languageName(tr.locale),
            shown: tr.languageName(texts.locale),
          })}
        </p>
      )}
      <article class="petition">
        <header lang={texts.locale} dir={directionOf(texts.locale)}>
          <h1>{texts.headline}</h1>
        </header>
        <section class="petition__demand" aria-labelledby="demand">
          <h2 id="demand">{t('petition.demand')}</h2>
          <blockquote lang={texts.locale} dir={directionOf(texts.locale)}>
            {texts.defaultMessage.split(/\n{2,}/).map((para, i) => (
              <p key={i}>{para}</p>
            ))}
          </blockquote>
          <p class="petition__links">
            <a href={base}>{t('petition.toCampaign')}</a>{' '}
            <a href={`${base}/petition/print`}>{t('petitionPrint.link')}</a>
            {!closed && (
              <>
                {' '}
                <a class="button" href={`${base}#sign`}>
                  {t('petition.sign')}
                </a>
              </>
            )}
          </p>
        </section>
        <section class="petition__signers" aria-labelledby="signers">
          <h2 id="signers">
            {country
              ? t('petition.signersIn', {
                  count: view.shown,
                  country: countryName(tr.locale, country) ?? country,
                })
              : t('petition.signers', { count: view.shown })}
          </h2>
          {countries.length > 1 && (
            <form class="petition__filter" method="get" action={`${base}/petition`}>
              <label for="country">{t('petition.filter.label')}</label>
              <select id="country" name="country">
                <option value="">{t('petition.filter.all')}</option>
                {countries.map((c) => (
                  <option key={c.country} value={c.country} selected={c.country === country}>
                    {t('petition.filter.option', { country: c.name, count: c.n })}
                  </option>
                ))}
              </select>
              <SubmitButton>{t('petition.filter.submit')}</SubmitButton>
            </form>
          )}
          {view.signers.length === 0 ? (
            <p class="petition__empty">{t('petition.empty')}</p>
          ) : (
            <ol class="petition__list">
              {view.signers.map((s) => {
                const place = countryName(tr.locale, s.country);
                return (
                  <li key={s.id} class="signer">
                    <span class="signer__name">
                      {s.name === null ? (
                        place ? (
                          t('petition.anonymous', { country: place })
                        ) : (
                          t('petition.anonymousNowhere')
                        )
                      ) : (
                        <bdi>{s.name}</bdi>
                      )}
                    </span>
                    <span class="signer__meta">
                      {s.union && (
                        <>
                          <bdi class="signer__union">{s.union}</bdi>
                          {' · '}
                        </>
                      )}
                      {s.name !== null && place && (
                        <>
                          <span class="signer__country">{place}</span>
                          {' · '}
                        </>
                      )}
                      <time dateTime={new Date(s.signedAt).toISOString()}>
                        {t('petition.signedOn', { date: tr.date(s.signedAt) })}
                      </time>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
          <p class="petition__pages">
            {!first && <a href={`${base}/petition${query({})}`}>{t('petition.newest')}</a>}
            {view.next && (
              <a rel="next" href={`${base}/petition${query({ after: formatCursor(view.next) })}`}>
                {t('petition.older')}
              </a>
            )}
          </p>
        </section>
      </article>
    </Layout>
  );
}
