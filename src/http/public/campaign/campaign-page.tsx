// The campaign as a supporter reads it: headline, partners, background, live total, where the message
// goes, and the message itself. Closed campaigns keep all of it, with the banner and the outcome.
import type { ComponentChildren } from 'preact';
import { isPublic, successorHeadline, type Target, updatesFor } from '../../../domain/campaign/campaign.js';
import type { Momentum } from '../../../domain/campaign/momentum.js';
import type { CampaignView } from '../../../domain/campaign/view-campaign.js';
import type { ResponsiveImage } from '../../../domain/shared/image.ports.js';
import { directionOf, nativeName } from '../../../i18n/locales.js';
import type { Translator } from '../../../i18n/translator.js';
import { criticalCss } from '../../critical-css.js';
import { countryList, countryName } from '../../views/country-names.js';
import { Layout, type SiteInfo } from '../../views/layout.js';
import { renderMarkdown } from '../../views/markdown.js';
import { type VerificationHead, VerificationLine } from '../verify/verification-line.js';
import { PartnerLine } from './partner-line.js';
import { SignForm, type SignFormProps } from './sign-form.js';

function excerpt(md: string, max = 200): string {
  const plain = md
    .replace(/[*_#>`[\]]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1)}…` : plain;
}

/**
 * The live total inside the counter box: the sentence and, when the campaign has a goal, the goal in words
 * ("4,812 of 10,000 signatures") naming the bar under it. The page script updates all three live. Then the
 * momentum line (countries, never names: domain/campaign/momentum.ts), as fresh as the page.
 */
export function CounterTotal({
  tr,
  total,
  goal,
  closed = false,
  momentum,
}: {
  tr: Translator;
  total: number;
  goal: number | undefined;
  /** A closed campaign's total is a record, not an invitation. */
  closed?: boolean;
  momentum?: Momentum | undefined;
}) {
  const latest = closed ? [] : (momentum?.latest ?? []);
  return (
    <>
      <p class="counter__total" aria-live="polite">
        {tr.t(closed ? 'campaign.supporters.closed' : 'campaign.supporters', { count: total })}
      </p>
      {goal && (
        <>
          <p class="counter__goal" id="counter-goal">
            {tr.t('campaign.goal', { count: total, goal })}
          </p>
          <progress
            class="counter__bar"
            max={goal}
            value={Math.min(total, goal)}
            aria-labelledby="counter-goal"
          >
            {tr.number(total)} / {tr.number(goal)}
          </progress>
        </>
      )}
      {momentum && momentum.countries > 0 && (
        <p class="counter__countries">
          {tr.t('campaign.momentum.countries', { count: momentum.countries })}
          {latest.length > 0 &&
            ` ${tr.t('campaign.momentum.latest', {
              countries: tr.list(latest.map((code) => countryName(tr.locale, code) ?? code)),
            })}`}
        </p>
      )}
    </>
  );
}

/**
 * The photo at the top of the text, as wide as the text column: on a phone the whole width less the margins,
 * on a wide screen the column beside the form (site.css). With its size known, width and height reserve its
 * place (nothing jumps when it arrives) and `srcset` lets the browser take the narrowest copy that fills it.
 */
function CampaignPhoto({
  path,
  alt,
  sizes,
}: {
  path: string;
  alt: string;
  sizes: ResponsiveImage | null | undefined;
}) {
  if (!sizes) return <img class="campaign-photo" src={path} alt={alt} decoding="async" />;
  const srcset = [...sizes.variants.map((v) => `${v.path} ${v.width}w`), `${path} ${sizes.width}w`].join(
    ', ',
  );
  return (
    <img
      class="campaign-photo"
      src={path}
      alt={alt}
      decoding="async"
      width={sizes.width}
      height={sizes.height}
      srcset={srcset}
      sizes="(min-width: 64rem) 46rem, calc(100vw - 2rem)"
    />
  );
}

/** Editors' preview of a page (drafts included): bannered, not indexed, the form switched off. */
export interface PagePreview {
  banner: ComponentChildren;
  /** Where the language links go (the other languages' previews). */
  localeHref(locale: string): string;
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
  momentum,
  photo,
  inlineCss = true,
  treeHead,
  preview,
}: {
  tr: Translator;
  site: SiteInfo;
  view: CampaignView;
  requestedLocale: string;
  /** The sign form's state; absent on a closed campaign. */
  form?: Omit<SignFormProps, 'tr' | 'petitionNames' | 'offersAlerts'>;
  /** Stands in for the total (the page cache renders a marker here and splices each request's total in). */
  counter?: string;
  /** Where support comes from (countries), shown with the total. */
  momentum?: Momentum | undefined;
  /** The photo's size and narrower copies, when the image store has them. */
  photo?: ResponsiveImage | null | undefined;
  /** False when the browser has the stylesheet cached: then it is linked in the head (critical-css.ts). */
  inlineCss?: boolean;
  /** The newest signed tree head of the campaign's signature log (decision 0031), once there is one. */
  treeHead?: VerificationHead | undefined;
  preview?: PagePreview;
}) {
  const { campaign, texts, isFallback, locales, total } = view;
  const t = tr.t;
  const path = `/campaigns/${campaign.slug}`;
  const url = `${site.baseUrl}/${texts.locale}${path}`;
  const description = excerpt(texts.backgroundMd);
  const targets = campaign.targets.filter((x) => x.kind === 'target');
  const closed = campaign.status === 'closed';
  const goal = goalOf(campaign);
  const updates = updatesFor(campaign, texts.locale);
  const source = campaign.translations.find((x) => x.locale === campaign.sourceLocale);
  const photoAlt = texts.photoAlt || source?.photoAlt || '';
  const next =
    closed && campaign.successor && isPublic(campaign.successor)
      ? successorHeadline(campaign.successor, requestedLocale)
      : undefined;
  const head = [
    ...(preview ? [<meta key="r" name="robots" content="noindex" />] : []),
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
  const signForm = form && (
    <SignForm
      tr={tr}
      petitionNames={campaign.petitionNames}
      offersAlerts={campaign.confirmationMode === 'confirm_first'}
      {...form}
    />
  );
  return (
    <Layout
      tr={tr}
      site={site}
      title={texts.headline}
      path={path}
      head={head}
      scripts={preview ? [] : ['/assets/campaign.js']}
      wide
      {...(inlineCss ? { criticalCss: criticalCss().css } : {})}
    >
      {preview && (
        <div class="banner banner--closed" role="status">
          {preview.banner}
        </div>
      )}
      {closed && (
        <div class="banner banner--closed" role="status">
          <strong>{t('campaign.closed')}</strong>{' '}
          <a href={`/${tr.locale}/`}>{t('campaign.closed.seeLive')}</a>
        </div>
      )}
      {next && campaign.successor && (
        <p class="notice notice--important">
          {t('campaign.continues')}{' '}
          <a href={`/${tr.locale}/campaigns/${campaign.successor.slug}`} lang={next.locale} dir="auto">
            {next.headline}
          </a>
        </p>
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
        {/* Head, text and form are grid areas: one column on a phone (head, text, form), two on a wide
            screen with the form beside the text from the top (site.css, decision 0018). */}
        <div class="campaign__head">
          <h1>{texts.headline}</h1>
          <PartnerLine tr={tr} partners={campaign.partners} />
          {/* A closed campaign that took no signatures here (run before, elsewhere) shows no total: "no one
              signed" beside an outcome of thousands of letters would be false. */}
          {!(closed && total === 0) && (
            <div
              class="counter"
              lang={tr.locale}
              dir={tr.dir}
              data-events={`/api/campaigns/${campaign.slug}/events?locale=${tr.locale}`}
            >
              {counter ?? (
                <CounterTotal tr={tr} total={total} goal={goal} closed={closed} momentum={momentum} />
              )}
              {!closed && campaign.endsAt !== null && (
                <p class="counter__deadline">{t('campaign.deadline', { date: tr.date(campaign.endsAt) })}</p>
              )}
              {!closed && form && (
                <a class="button counter__sign" href="#sign">
                  {t('campaign.signLink')}
                </a>
              )}
              {/* Shown by the page script only where the browser can share or copy: no promise without it. */}
              {!closed && !preview && (
                <p
                  class="share-actions"
                  data-share-url={`${url}?src=share`}
                  data-share-title={texts.headline}
                  hidden
                >
                  <button type="button" class="button button--quiet" data-share="native" hidden>
                    {t('campaign.share.native')}
                  </button>
                  <button
                    type="button"
                    class="button button--quiet"
                    data-share="copy"
                    data-copied={t('campaign.share.copied')}
                    hidden
                  >
                    {t('campaign.share.copy')}
                  </button>
                </p>
              )}
            </div>
          )}
        </div>
        <div class="campaign__text">
          {campaign.photoPath && <CampaignPhoto path={campaign.photoPath} alt={photoAlt} sizes={photo} />}
          {closed && texts.outcomeMd && (
            <section class="outcome">
              <div dangerouslySetInnerHTML={{ __html: renderMarkdown(texts.outcomeMd) }} />
            </section>
          )}
          {updates.length > 0 && (
            <section
              class="updates notice banner"
              aria-labelledby="updates"
              lang={updates[0]!.locale}
              dir={directionOf(updates[0]!.locale)}
            >
              <h2 id="updates" lang={tr.locale} dir={tr.dir}>
                {t('campaign.updates.heading')}
              </h2>
              {updates.map((u) => (
                <article key={u.id} class="update">
                  <h3 class="dates" lang={tr.locale} dir={tr.dir}>
                    <time dateTime={u.day}>{tr.date(Date.parse(`${u.day}T00:00:00Z`))}</time>
                  </h3>
                  <div dangerouslySetInnerHTML={{ __html: renderMarkdown(u.bodyMd) }} />
                </article>
              ))}
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
              <h2>{t(closed ? 'campaign.targets.heading.closed' : 'campaign.targets.heading')}</h2>
              <ul>
                {targets
                  .filter((x) => x.countries.length === 0)
                  .map((x) => (
                    <li key={x.id}>
                      <bdi>{x.email}</bdi>
                    </li>
                  ))}
              </ul>
              <CountryTargets tr={tr} targets={targets.filter((x) => x.countries.length > 0)} />
            </section>
          )}
        </div>
        {closed || !form ? (
          <div class="campaign__form">
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
          </div>
        ) : (
          <div class="campaign__form" lang={tr.locale} dir={tr.dir}>
            {preview ? (
              // A disabled fieldset switches off every control of the form inside it.
              <fieldset class="preview-form" disabled>
                {signForm}
              </fieldset>
            ) : (
              signForm
            )}
          </div>
        )}
        {!preview && (
          <p class="petition-link" lang={tr.locale} dir={tr.dir}>
            <a href={`/${tr.locale}${path}/petition`}>{t('campaign.petitionLink')}</a>
          </p>
        )}
        {!preview && <VerificationLine tr={tr} slug={campaign.slug} head={treeHead} />}
      </article>
      {locales.length > 1 && (
        <nav class="campaign-languages" aria-label={t('campaign.otherLanguages')}>
          <span>{t('campaign.otherLanguages')}:</span>
          <ul>
            {locales.map((l) => (
              <li key={l}>
                <a
                  href={preview ? preview.localeHref(l) : `/${l}${path}`}
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

/**
 * An embassy campaign's targets for supporters of particular countries, each named with its countries;
 * many of them fold away so the page stays short on a phone.
 */
function CountryTargets({ tr, targets }: { tr: Translator; targets: Target[] }) {
  if (targets.length === 0) return null;
  const list = (
    <ul class="targets__countries">
      {targets.map((x) => (
        <li key={x.id}>
          <bdi>{x.email}</bdi>{' '}
          <span class="targets__for">
            {tr.t('campaign.targets.forCountries', { countries: countryList(tr.locale, x.countries) })}
          </span>
        </li>
      ))}
    </ul>
  );
  if (targets.length <= 6) return list;
  return (
    <details>
      <summary>{tr.t('campaign.targets.byCountry', { count: targets.length })}</summary>
      {list}
    </details>
  );
}
