// The my-data pages: the request form, the "check your mail" answer (the same for every address), the
// link's one-button page, the data itself with its downloads, withdrawals and erasure, and the erasure's
// confirmation step. Plain HTML forms; nothing here needs JavaScript.
import type { ComponentChildren } from 'preact';
import type { MyData } from '../../../domain/privacy/privacy.ports.js';
import { nativeName } from '../../../i18n/locales.js';
import type { StringKey, Translator } from '../../../i18n/translator.js';
import { Csrf, Notice, SubmitButton, TextField } from '../../views/form-fields.js';
import { Layout, type SiteInfo } from '../../views/layout.js';

interface PageBase {
  tr: Translator;
  site: SiteInfo;
}

function Page({ tr, site, title, children }: PageBase & { title: StringKey; children: ComponentChildren }) {
  return (
    <Layout
      tr={tr}
      site={site}
      title={tr.t(title)}
      path="/my-data"
      head={<link rel="stylesheet" href="/assets/my-data.css" />}
    >
      <section class="my-data">
        <h1>{tr.t(title)}</h1>
        {children}
      </section>
    </Layout>
  );
}

export function RequestPage(p: PageBase & { email: string; error: boolean }) {
  const t = p.tr.t;
  return (
    <Page {...p} title="myData.title">
      <p>{t('myData.intro')}</p>
      <form method="post" action={`/${p.tr.locale}/my-data`} novalidate>
        <TextField
          id="email"
          type="email"
          label={t('myData.email.label')}
          value={p.email}
          autocomplete="email"
          required
          maxLength={254}
          error={p.error ? t('myData.email.invalid') : undefined}
          autofocus={p.error}
        />
        <SubmitButton>{t('myData.request.button')}</SubmitButton>
      </form>
    </Page>
  );
}

/** A page with one message and, optionally, what follows it. */
export function MessagePage(
  p: PageBase & { title: StringKey; body: StringKey; children?: ComponentChildren },
) {
  return (
    <Page {...p} title={p.title}>
      <p>{p.tr.t(p.body)}</p>
      {p.children}
    </Page>
  );
}

export function AskAgain({ tr }: { tr: Translator }) {
  return (
    <p>
      <a href={`/${tr.locale}/my-data`}>{tr.t('myData.again')}</a>
    </p>
  );
}

export function OpenPage(p: PageBase & { action: string }) {
  return (
    <MessagePage {...p} title="myData.open.title" body="myData.open.body">
      <form method="post" action={p.action}>
        <SubmitButton kind="big">{p.tr.t('myData.open.button')}</SubmitButton>
      </form>
    </MessagePage>
  );
}

function Facts({ rows }: { rows: [string, ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DataPage(p: PageBase & { data: MyData; csrf: string; notice?: StringKey | undefined }) {
  const { tr, data } = p;
  const t = tr.t;
  const base = `/${tr.locale}/my-data`;
  const s = data.supporter;
  const dash = '—';
  return (
    <Page {...p} title="myData.view.title">
      {p.notice && <Notice>{t(p.notice)}</Notice>}
      <p>{t('myData.view.intro')}</p>

      <h2>{t('myData.you.heading')}</h2>
      <Facts
        rows={[
          [t('myData.field.name'), s.name],
          [t('myData.field.email'), <span dir="ltr">{s.email}</span>],
          [t('myData.field.union'), s.unionName ?? dash],
          [t('myData.field.country'), s.country ?? dash],
          [t('myData.field.language'), nativeName(s.locale)],
          [t('myData.field.since'), tr.date(s.createdAt)],
        ]}
      />

      <h2>{t('myData.signatures.heading', { count: data.signatures.length })}</h2>
      {data.signatures.map((g) => (
        <article class="my-data__item" key={g.id}>
          <h3>{g.campaignHeadline}</h3>
          <Facts
            rows={[
              [t('myData.field.date'), tr.date(g.createdAt)],
              [t('myData.field.language'), nativeName(g.locale)],
              [t('myData.field.name'), g.name],
              [t('myData.field.union'), g.unionName ?? dash],
              [t('myData.field.country'), g.country ?? dash],
              [t('myData.field.message'), <span dir="auto">{g.message || dash}</span>],
            ]}
          />
        </article>
      ))}

      <h2>{t('myData.consents.heading')}</h2>
      {data.consents.length === 0 && <p>{t('myData.consents.none')}</p>}
      {data.consents.map((c) => (
        <article class="my-data__item" key={c.id}>
          <p dir="auto">{c.text}</p>
          <p class="help">
            {c.withdrawnAt === null
              ? t('myData.consent.given', { date: tr.date(c.givenAt) })
              : t('myData.consent.withdrawn', { date: tr.date(c.withdrawnAt) })}
          </p>
          {c.withdrawnAt === null && (
            <form method="post" action={`${base}/consents/${c.id}/withdraw`}>
              <Csrf token={p.csrf} />
              <SubmitButton kind="secondary">{t('myData.consent.withdraw')}</SubmitButton>
            </form>
          )}
        </article>
      ))}

      <h2>{t('myData.lists.heading')}</h2>
      {data.lists.length === 0 && <p>{t('myData.lists.none')}</p>}
      {data.lists.map((m) => (
        <article class="my-data__item" key={m.locale}>
          <h3>{tr.languageName(m.locale)}</h3>
          <Facts
            rows={[
              [t('myData.lists.status'), t(`myData.lists.status.${m.status}`)],
              [t('myData.lists.source'), t(`myData.lists.source.${m.source}`)],
              [t('myData.lists.since'), tr.date(m.subscribedAt ?? m.createdAt)],
              ...(m.unsubscribedAt === null || m.status !== 'unsubscribed'
                ? []
                : ([[t('myData.lists.left'), tr.date(m.unsubscribedAt)]] as [string, string][])),
              [t('myData.lists.consent'), <span dir="auto">{m.consentText ?? dash}</span>],
            ]}
          />
        </article>
      ))}

      <h2>{t('myData.download.heading')}</h2>
      <ul>
        <li>
          <a href={`${base}/download.json`} download="my-data.json">
            {t('myData.download.json')}
          </a>
        </li>
        <li>
          <a href={`${base}/download.csv`} download="my-data.csv">
            {t('myData.download.csv')}
          </a>
        </li>
      </ul>

      <h2>{t('myData.erase.heading')}</h2>
      <p>{t('myData.erase.body')}</p>
      <p>
        <a class="button button--danger" href={`${base}/erase`}>
          {t('myData.erase.start')}
        </a>
      </p>
    </Page>
  );
}

export function ErasePage(p: PageBase & { csrf: string }) {
  const t = p.tr.t;
  const base = `/${p.tr.locale}/my-data`;
  return (
    <MessagePage {...p} title="myData.erase.confirm.title" body="myData.erase.confirm.body">
      <form method="post" action={`${base}/erase`}>
        <Csrf token={p.csrf} />
        <SubmitButton kind="danger">{t('myData.erase.confirm.button')}</SubmitButton>
      </form>
      <p>
        <a href={`${base}/view`}>{t('myData.erase.cancel')}</a>
      </p>
    </MessagePage>
  );
}
