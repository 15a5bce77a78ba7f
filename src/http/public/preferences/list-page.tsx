// The page shell of the supporters' list pages (sign-up, its confirmation, preferences, unsubscribe): one
// heading, what follows, and never cached or referred onwards (their URLs carry tokens).
import type { FastifyReply } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { sendPage } from '../../render.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

export interface ListPageBase {
  tr: Translator;
  site: SiteInfo;
}

export function ListPage(p: ListPageBase & { title: StringKey; path?: string; children: ComponentChildren }) {
  return (
    <Layout tr={p.tr} site={p.site} title={p.tr.t(p.title)} {...(p.path ? { path: p.path } : {})}>
      <section class="confirm lists">
        <h1>{p.tr.t(p.title)}</h1>
        {p.children}
      </section>
    </Layout>
  );
}

/** A page with one message and, optionally, what follows it. */
export function ListMessagePage(
  p: ListPageBase & {
    title: StringKey;
    body: StringKey;
    values?: Record<string, string>;
    children?: ComponentChildren;
  },
) {
  return (
    <ListPage tr={p.tr} site={p.site} title={p.title}>
      <p>{p.tr.t(p.body, p.values)}</p>
      {p.children}
    </ListPage>
  );
}

/** The link to a person's list preferences, under a page's message. */
export function PreferencesLink({ tr, href }: { tr: Translator; href: string }) {
  return (
    <p>
      <a href={href}>{tr.t('preferences.title')}</a>
    </p>
  );
}

/** Sends a list page: no caching, no referrer (the token in the URL must not travel). */
export function sendListPage(reply: FastifyReply, body: preact.VNode, status = 200): FastifyReply {
  return sendPage(
    reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer'),
    body,
    status,
  );
}
