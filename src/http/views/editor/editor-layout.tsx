// The editor area's page shell. Signed in: a header with the sections this person's role may use and a
// log-out button; anonymous (login, links, invitations): the site name and a language menu. Both are
// usable on a 390 px phone and mirror for right-to-left languages (logical CSS properties only).
import type { ComponentChildren } from 'preact';
import type { User } from '../../../domain/account/account.js';
import { can, type Permission } from '../../../domain/account/permissions.js';
import { editorUiLocales } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { csrfField } from '../../../security/csrf.js';
import { LanguageMenu, type SiteInfo } from '../layout.js';

export type EditorSection =
  | 'home'
  | 'campaigns'
  | 'translations'
  | 'requests'
  | 'delivery'
  | 'supporters'
  | 'mailings'
  | 'lists'
  | 'users'
  | 'audit'
  | 'account'
  | 'statistics';

export const sections: { id: EditorSection; href: string; label: StringKey; permission: Permission }[] = [
  { id: 'home', href: '/editor', label: 'editor.nav.home', permission: 'editor:enter' },
  { id: 'campaigns', href: '/editor/campaigns', label: 'lifecycle.nav', permission: 'campaigns:read' },
  {
    id: 'translations',
    href: '/editor/translations',
    label: 'translations.nav',
    permission: 'translations:edit',
  },
  { id: 'requests', href: '/editor/requests', label: 'requests.nav', permission: 'requests:review' },
  { id: 'delivery', href: '/editor/delivery', label: 'editor.nav.delivery', permission: 'campaigns:read' },
  {
    id: 'supporters',
    href: '/editor/supporters',
    label: 'editor.nav.supporters',
    permission: 'supporters:export',
  },
  { id: 'mailings', href: '/editor/mailings', label: 'mailings.nav', permission: 'mailings:send' },
  { id: 'lists', href: '/editor/lists', label: 'editor.nav.lists', permission: 'mailings:send' },
  { id: 'users', href: '/editor/users', label: 'editor.nav.users', permission: 'users:manage' },
  { id: 'audit', href: '/editor/audit', label: 'editor.nav.audit', permission: 'audit:read' },
  { id: 'account', href: '/editor/account', label: 'editor.nav.account', permission: 'account:edit-own' },
  { id: 'statistics', href: '/editor/statistics', label: 'statistics.nav', permission: 'reports:read' },
];

function Head({ tr, site, title }: { tr: Translator; site: SiteInfo; title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{`${title} · ${tr.t('editor.title')} · ${site.name}`}</title>
      <link rel="stylesheet" href="/assets/site.css" />
      <link rel="stylesheet" href="/assets/editor.css" />
    </head>
  );
}

/** What every signed-in editor page is given: the reader's language, the site, who is signed in, the form token. */
export interface EditorPageBase {
  tr: Translator;
  site: SiteInfo;
  user: User;
  csrf: string;
}

export interface EditorLayoutProps {
  tr: Translator;
  site: SiteInfo;
  title: string;
  user: User;
  csrfToken: string;
  section?: EditorSection;
  children: ComponentChildren;
}

/**
 * What both shells share: the document, the skip link, the header with the site's name (linking to
 * `brandHref`) followed by `inner` on its first row and `below` under it, and the main area.
 */
function EditorShell(p: {
  tr: Translator;
  site: SiteInfo;
  title: string;
  /** Anonymous pages (login, links, invitations) are narrow and carry `editor--auth`. */
  auth?: boolean;
  brandHref: string;
  inner: ComponentChildren;
  below?: ComponentChildren;
  children: ComponentChildren;
}) {
  const { tr, site, auth } = p;
  return (
    <html lang={tr.locale} dir={tr.dir}>
      <Head tr={tr} site={site} title={p.title} />
      <body class={auth ? 'editor editor--auth' : 'editor'}>
        <a class="skip-link" href="#main">
          {tr.t('layout.skipToContent')}
        </a>
        <header class="editor-header">
          <div class="editor-header__inner">
            <a class="editor-brand" href={p.brandHref}>
              {site.name} <span>{tr.t('editor.title')}</span>
            </a>
            {p.inner}
          </div>
          {p.below}
        </header>
        <main id="main" class={auth ? 'editor-main editor-main--narrow' : 'editor-main'} tabIndex={-1}>
          {p.children}
        </main>
      </body>
    </html>
  );
}

export function EditorLayout({ tr, site, title, user, csrfToken, section, children }: EditorLayoutProps) {
  const t = tr.t;
  return (
    <EditorShell
      tr={tr}
      site={site}
      title={title}
      brandHref="/editor"
      inner={
        <form class="editor-logout" method="post" action="/editor/logout">
          <input type="hidden" name={csrfField} value={csrfToken} />
          <span class="editor-user" dir="auto">
            {user.name || user.email}
          </span>{' '}
          <button class="link-button" type="submit">
            {t('editor.logout')}
          </button>
        </form>
      }
      below={
        <nav class="editor-nav" aria-label={t('editor.nav.label')}>
          <ul>
            {sections
              .filter((s) => can(user.role, s.permission))
              .map((s) => (
                <li key={s.id}>
                  <a href={s.href} aria-current={s.id === section ? 'page' : undefined}>
                    {t(s.label)}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
      }
    >
      {children}
    </EditorShell>
  );
}

/** The shell for a page given the four props every signed-in editor page takes. */
export function EditorPage({
  page,
  title,
  section,
  heading,
  children,
}: {
  page: EditorPageBase;
  title: string;
  section?: EditorSection;
  /** The title is also the page's heading, first in the main area. */
  heading?: boolean;
  children: ComponentChildren;
}) {
  return (
    <EditorLayout
      tr={page.tr}
      site={page.site}
      title={title}
      user={page.user}
      csrfToken={page.csrf}
      section={section}
    >
      {heading && <h1>{title}</h1>}
      {children}
    </EditorLayout>
  );
}

/** The link back to where a page was reached from (the list, the account, the mailing), above its title. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <p>
      <a href={href}>{children}</a>
    </p>
  );
}

export function AuthLayout({
  tr,
  site,
  title,
  path,
  children,
}: {
  tr: Translator;
  site: SiteInfo;
  title: string;
  /** This page's path, for the language menu (`?lang=` is added). */
  path: string;
  children: ComponentChildren;
}) {
  return (
    <EditorShell
      tr={tr}
      site={site}
      title={title}
      auth
      brandHref="/"
      inner={<LanguageMenu tr={tr} href={(code) => `${path}?lang=${code}`} locales={editorUiLocales} />}
    >
      {children}
    </EditorShell>
  );
}
