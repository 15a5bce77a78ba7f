// The page shell every public page shares: language and direction, skip link, header with the language
// switcher (a disclosure of plain links, no JavaScript), footer. Styles are our own file; no CDN, no fonts.
import type { ComponentChildren, VNode } from 'preact';
import { directionOf, nativeName, type UiLocale, uiLocales } from '../../i18n/locales.js';
import type { Translator } from '../../i18n/translator.js';
import { assetUrl } from '../static-assets.js';

export interface SiteInfo {
  name: string;
  baseUrl: string;
  /** The editors' address for would-be volunteer translators (TRANSLATORS_CONTACT); no link without it. */
  translatorsContact?: string | undefined;
}

export interface LayoutProps {
  tr: Translator;
  site: SiteInfo;
  title: string;
  /** Path of this page without its locale prefix ("/campaigns/x"), for the language menu. */
  path?: string;
  head?: VNode | VNode[];
  /** Our own small scripts, loaded deferred; every page works without them. */
  scripts?: string[];
  /** A page laid out in two columns on a wide screen (the campaign page: text beside the form). */
  wide?: boolean;
  /**
   * Rules inlined in the head (http/critical-css.ts, allowed by their CSP hash): the page paints without
   * waiting for the stylesheet, which then loads at the end of the body instead of blocking in the head.
   */
  criticalCss?: string;
  children: ComponentChildren;
}

/** Interface languages as a row of links, each in its own name, the current one marked (the editor's few). */
export function LanguageMenu({
  tr,
  href,
  locales = uiLocales,
}: {
  tr: Translator;
  href: (code: string) => string;
  locales?: readonly UiLocale[];
}) {
  return (
    <nav class="lang-menu" aria-label={tr.t('layout.language')}>
      <LanguageLinks tr={tr} href={href} locales={locales} />
    </nav>
  );
}

/** Each language as a link in its own name, the current one marked; `ownDirection`: in its script's direction. */
function LanguageLinks(p: {
  tr: Translator;
  href: (code: string) => string;
  locales: readonly UiLocale[];
  ownDirection?: boolean;
}) {
  return (
    <ul>
      {p.locales.map((l) => (
        <li key={l.code}>
          <a
            href={p.href(l.code)}
            lang={l.code}
            dir={p.ownDirection ? directionOf(l.code) : undefined}
            hrefLang={l.code}
            aria-current={l.code === p.tr.locale ? 'true' : undefined}
          >
            {nativeName(l.code)}
          </a>
        </li>
      ))}
    </ul>
  );
}

/**
 * Every interface language behind one disclosure (up to 53 of them: a row of links would fill a phone's
 * screen): the summary names the current language, the open list shows each language in its own name and
 * script direction. `<details>` opens and closes without JavaScript.
 */
export function LanguageSwitcher({ tr, href }: { tr: Translator; href: (code: string) => string }) {
  return (
    <details class="lang-switcher">
      <summary>
        <svg class="lang-switcher__icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true">
          <circle cx="12" cy="12" r="9.5" />
          <path d="M2.5 12h19M12 2.5c-3.2 3.4-3.2 15.6 0 19M12 2.5c3.2 3.4 3.2 15.6 0 19" />
        </svg>
        <span class="visually-hidden">{tr.t('layout.language')}: </span>
        <span lang={tr.locale} dir={tr.dir}>
          {nativeName(tr.locale)}
        </span>
      </summary>
      <nav aria-label={tr.t('layout.language')}>
        <LanguageLinks tr={tr} href={href} locales={uiLocales} ownDirection />
      </nav>
    </details>
  );
}

export function Layout({
  tr,
  site,
  title,
  path = '/',
  head,
  scripts = [],
  wide,
  criticalCss,
  children,
}: LayoutProps) {
  const t = tr.t;
  const stylesheet = <link rel="stylesheet" href={assetUrl('/assets/site.css')} />;
  return (
    <html lang={tr.locale} dir={tr.dir}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title === site.name ? title : `${title} · ${site.name}`}</title>
        {criticalCss ? <style dangerouslySetInnerHTML={{ __html: criticalCss }} /> : stylesheet}
        {/* The SVG (325 bytes, cached for good) where browsers take one; /favicon.ico answers the rest. */}
        <link rel="icon" href={assetUrl('/assets/icon.svg')} type="image/svg+xml" />
        <link rel="apple-touch-icon" href="/apple-touch-icon.png" />
        {head}
        {scripts.map((src) => (
          <script key={src} src={assetUrl(src)} defer />
        ))}
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t('layout.skipToContent')}
        </a>
        <header class="site-header">
          <div class="wrap site-header__inner">
            <a class="site-name" href={`/${tr.locale}/`}>
              {site.name}
            </a>
            <nav class="site-nav" aria-label={site.name}>
              <a href={`/${tr.locale}/`}>{t('layout.nav.campaigns')}</a>{' '}
              <a href={`/${tr.locale}/campaigns/archive`}>{t('layout.nav.archive')}</a>
            </nav>
            <LanguageSwitcher tr={tr} href={(code) => `/${code}${path}`} />
          </div>
        </header>
        <main id="main" class={wide ? 'wrap wrap--wide' : 'wrap'} tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{t('layout.footer.about', { siteName: site.name })}</p>
            <p>
              <a href={`/${tr.locale}/request`}>{t('layout.footer.request')}</a>
            </p>
            <p>
              <a href={`/${tr.locale}/subscribe`}>{t('layout.footer.subscribe')}</a>
            </p>
            {site.translatorsContact && (
              <p>
                <a href={`/${tr.locale}/help-translate`}>{t('layout.footer.helpTranslate')}</a>
              </p>
            )}
          </div>
        </footer>
        {criticalCss && stylesheet}
      </body>
    </html>
  );
}
