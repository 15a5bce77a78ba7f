// The campaign as a supporter reads it: headline, partners, background, live total, where the message
// goes, and the message itself. Closed campaigns keep all of it, with the banner and the outcome.
import type { CampaignView } from '../../domain/campaign/view-campaign.js';
import { directionOf, nativeName } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';
import { Layout, type SiteInfo } from './layout.js';
import { renderMarkdown } from './markdown.js';
import { PartnerLine } from './partner-line.js';
import { SignForm, type SignFormProps } from './sign-form.js';

function excerpt(md: string, max = 200): string {
  const plain = md
    .replace(/[*_#>`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/** The live total inside the counter box: the sentence, and the bar when the campaign has a goal. */
export function CounterTotal({
  tr,
  total,
  goal,
}: {
  tr: Translator;
  total: number;
  goal: number | undefined;
}) {
  return (
    <>
      <p class="counter__total" aria-live="polite">
        {tr.t('campaign.supporters', { count: total })}
      </p>
      {goal && (
        <progress class="counter__bar" max={goal} value={Math.min(total, goal)}>
          {tr.number(total)} / {tr.number(goal)}
        </progress>
      )}
    </>
  );
}

/** The campaign's goal when it has one (a bar is drawn only then). */
export const goalOf = (campaign: { goal: number | null }): number | undefined =>
  campaign.goal && campaign.goal > 0 ? campaign.goal : undefined;

export function CampaignPage({
  tr,
  site,
  view,
  requestedLocale,
  form,
  counter,
}: {
  tr: Translator;
  site: SiteInfo;
  view: CampaignView;
  requestedLocale: string;
  /** The sign form's state; absent on a closed campaign. */
  form?: Omit<SignFormProps, 'tr'>;
  /** Stands in for the total (the page cache renders a marker here and splices each request's total in). */
  counter?: string;
}) {
  const { campaign, texts, isFallback, locales, total } = view;
  const t = tr.t;
  const path = `/campaigns/${campaign.slug}`;
  const url = `${site.baseUrl}/${texts.locale}${path}`;
  const description = excerpt(texts.backgroundMd);
  const targets = campaign.targets.filter((x) => x.kind === 'target');
  const closed = campaign.status === 'closed';
  const goal = goalOf(campaign);
  const head = [
    <link key="c" rel="canonical" href={url} />,
    <meta key="d" name="description" content={description} />,
    <meta key="ot" property="og:type" content="article" />,
    <meta key="os" property="og:site_name" content={site.name} />,
    <meta key="otl" property="og:title" content={texts.headline} />,
    <meta key="od" property="og:description" content={description} />,
    <meta key="ou" property="og:url" content={url} />,
    <meta key="ol" property="og:locale" content={texts.locale.replace('-', '_')} />,
    <meta key="tc" name="twitter:card" content="summary" />,
    <meta key="tt" name="twitter:title" content={texts.headline} />,
    <meta key="td" name="twitter:description" content={description} />,
    ...locales.map((l) => (
      <link key={`alt-${l}`} rel="alternate" hrefLang={l} href={`${site.baseUrl}/${l}${path}`} />
    )),
  ];
  return (
    <Layout
      tr={tr}
      site={site}
      title={texts.headline}
      path={path}
      head={head}
      scripts={['/assets/campaign.js']}
    >
      {closed && (
        <div class="banner banner--closed" role="status">
          <strong>{t('campaign.closed')}</strong>{' '}
          <a href={`/${tr.locale}/`}>{t('campaign.closed.seeLive')}</a>
        </div>
      )}
      {isFallback && (
        <p class="notice">
          {t('campaign.fallbackNotice', {
            requested: tr.languageName(requestedLocale),
            shown: tr.languageName(texts.locale),
          })}
        </p>
      )}
      <article class="campaign" lang={texts.locale} dir={directionOf(texts.locale)}>
        <h1>{texts.headline}</h1>
        <PartnerLine tr={tr} partners={campaign.partners} />
        {campaign.photoPath && (
          <img class="campaign-photo" src={campaign.photoPath} alt="" loading="lazy" decoding="async" />
        )}
        <div
          class="counter"
          lang={tr.locale}
          dir={tr.dir}
          data-events={`/api/campaigns/${campaign.slug}/events?locale=${tr.locale}`}
        >
          {counter ?? <CounterTotal tr={tr} total={total} goal={goal} />}
        </div>
        {closed && texts.outcomeMd && (
          <section class="outcome">
            <div dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.outcomeMd) }} />
          </section>
        )}
        <div class="background" dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.backgroundMd) }} />
        {campaign.moreInfoUrl && (
          <p lang={tr.locale} dir={tr.dir}>
            <a href={campaign.moreInfoUrl} rel="noopener noreferrer">
              {t('campaign.moreInfo')}
            </a>
          </p>
        )}
        {targets.length > 0 && (
          <section class="targets" lang={tr.locale} dir={tr.dir}>
            <h2>{t('campaign.targets.heading')}</h2>
            <ul>
              {targets.map((x) => (
                <li key={x.id}>
                  <bdi>{x.email}</bdi>
                </li>
              ))}
            </ul>
          </section>
        )}
        {closed || !form ? (
          <>
            <section class="message">
              <h2 lang={tr.locale} dir={tr.dir}>
                {t('campaign.defaultMessage.heading')}
              </h2>
              <blockquote>
                {texts.defaultMessage.split(/\n{2,}/).map((para) => (
                  <p key={para.slice(0, 24)}>{para}</p>
                ))}
              </blockquote>
            </section>
            <p class="form-closed" lang={tr.locale} dir={tr.dir}>
              {t('form.closed')}
            </p>
          </>
        ) : (
          <div lang={tr.locale} dir={tr.dir}>
            <SignForm tr={tr} {...form} />
          </div>
        )}
      </article>
      {locales.length > 1 && (
        <nav class="campaign-languages" aria-label={t('campaign.otherLanguages')}>
          <span>{t('campaign.otherLanguages')}:</span>
          <ul>
            {locales.map((l) => (
              <li key={l}>
                <a
                  href={`/${l}${path}`}
                  lang={l}
                  hrefLang={l}
                  aria-current={l === texts.locale ? 'true' : undefined}
                >
                  {nativeName(l)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </Layout>
  );
}
