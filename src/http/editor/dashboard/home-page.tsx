import { can } from '../../../domain/account/permissions.js';
import type { BouncedTarget, DeliveryHealth } from '../../../domain/dashboard/dashboard.ports.js';
import type {
  CampaignFigures,
  CampaignTranslations,
  Dashboard,
  NeedsAHuman,
  TranslationCell,
} from '../../../domain/dashboard/view-dashboard.js';
import { isolate, type StringKey, type Translator } from '../../../i18n/translator.js';
import { EditorLayout, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { campaignStatusKeys, dateTime, roleKeys } from '../../views/editor/labels.js';
import { type Bar, chartBars, DayChart } from './dashboard-chart.js';

/** Every live text of the page by key, the chart bars, and a fingerprint of which keys exist. */
export interface DashboardFigures {
  figures: Record<string, string>;
  bars: Record<string, Bar>;
  /** Changes when an item appears or goes (a new language, a new bounce): the page then offers a reload. */
  shape: string;
}

const key = {
  campaign: (slug: string, what: string) => `c:${slug}:${what}`,
  day: (slug: string, i: number) => `c:${slug}:day:${i}`,
  bar: (slug: string, i: number) => `c:${slug}:bar:${i}`,
  language: (slug: string, locale: string) => `c:${slug}:lang:${locale}`,
  delivery: (what: keyof typeof deliveryKeys) => `d:${what}`,
  held: (slug: string) => `n:held:${slug}`,
};

const deliveryKeys = {
  queued: 'dashboard.delivery.queued',
  deferred: 'dashboard.delivery.deferred',
  unknown: 'dashboard.delivery.unknown',
  held: 'dashboard.delivery.held',
  bounced: 'dashboard.delivery.bounced',
  pausedDomains: 'dashboard.delivery.pausedDomains',
  openAlerts: 'dashboard.delivery.openAlerts',
} as const satisfies Record<string, StringKey>;

const translationKeys: Record<TranslationCell['status'], StringKey> = {
  draft: 'dashboard.translations.draft',
  in_review: 'dashboard.translations.inReview',
  published: 'dashboard.translations.published',
};

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeOfDay(tr: Translator, ms: number): string {
  let f = timeFormats.get(tr.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(tr.locale, { timeStyle: 'medium', timeZone: 'UTC' });
    timeFormats.set(tr.locale, f);
  }
  return `${f.format(ms)} UTC`;
}

function deliveryFigure(d: DeliveryHealth, what: keyof typeof deliveryKeys): number {
  if (what === 'bounced') return d.bouncedTargets.length;
  return d[what];
}

function chartSummary(tr: Translator, view: Dashboard, c: CampaignFigures): string {
  return tr.t('dashboard.chart.summary', {
    count: c.days.reduce((a, n) => a + n, 0),
    from: tr.date(view.days[0]!, 'medium'),
    to: tr.date(view.days[view.days.length - 1]!, 'medium'),
  });
}

const heldText = (tr: Translator, h: NeedsAHuman['held'][number]) =>
  tr.t('dashboard.needs.held', { count: h.n, campaign: isolate(h.headline ?? h.slug) });

/** FNV-1a over the sorted keys: short, stable, enough to notice that the set changed. */
function fingerprint(keys: string[]): string {
  let h = 0x811c9dc5;
  for (const ch of keys.sort().join('\n')) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16);
}

export function dashboardFigures(tr: Translator, view: Dashboard): DashboardFigures {
  const t = tr.t;
  const figures: Record<string, string> = {
    updated: t('dashboard.updated', { time: timeOfDay(tr, view.now) }),
  };
  const bars: Record<string, Bar> = {};
  for (const c of view.figures ?? []) {
    figures[key.campaign(c.slug, 'today')] = tr.number(c.today);
    figures[key.campaign(c.slug, 'week')] = tr.number(c.week);
    figures[key.campaign(c.slug, 'total')] = tr.number(c.total);
    figures[key.campaign(c.slug, 'notCounted')] = t('dashboard.campaign.notCounted', {
      pending: c.pending,
      held: c.held,
    });
    figures[key.campaign(c.slug, 'summary')] = chartSummary(tr, view, c);
    const geometry = chartBars(c.days);
    c.days.forEach((n, i) => {
      figures[key.day(c.slug, i)] = tr.number(n);
      bars[key.bar(c.slug, i)] = geometry[i]!;
    });
    for (const l of c.languages) figures[key.language(c.slug, l.locale)] = tr.number(l.n);
  }
  if (view.delivery) {
    for (const what of Object.keys(deliveryKeys) as (keyof typeof deliveryKeys)[]) {
      figures[key.delivery(what)] = tr.number(deliveryFigure(view.delivery, what));
    }
  }
  if (view.needs) {
    for (const h of view.needs.held) figures[key.held(h.slug)] = heldText(tr, h);
    for (const b of view.needs.bounced) figures[`n:bounced:${b.targetId}`] = b.email;
    for (const e of view.needs.endingSoon) figures[`n:ending:${e.slug}`] = tr.date(e.endsAt);
    if (view.needs.unknown > 0)
      figures['n:unknown'] = t('dashboard.needs.unknown', { count: view.needs.unknown });
    if (view.needs.openAlerts > 0) {
      figures['n:alerts'] = t('dashboard.needs.alerts', { count: view.needs.openAlerts });
    }
    if (view.needs.requestsWaiting !== undefined && view.needs.requestsWaiting > 0) {
      figures['n:requests'] = t('dashboard.needs.requests', { count: view.needs.requestsWaiting });
    }
  }
  return { figures, bars, shape: fingerprint(Object.keys(figures)) };
}

/** A live text: the element's content is figures[k], replaced as it changes. */
function Live({ f, k, as = 'span' }: { f: DashboardFigures; k: string; as?: 'span' | 'dd' | 'td' }) {
  const Tag = as;
  return <Tag data-figure={k}>{f.figures[k]}</Tag>;
}

function CampaignCard({
  tr,
  view,
  c,
  f,
  linked,
}: {
  tr: Translator;
  view: Dashboard;
  c: CampaignFigures;
  f: DashboardFigures;
  linked: boolean;
}) {
  const t = tr.t;
  const title = c.headline ?? c.slug;
  const id = `campaign-${c.slug}`;
  return (
    <article class="editor-panel dash-campaign" aria-labelledby={id}>
      <h3 id={id} dir="auto">
        {linked ? <a href={`/editor/campaigns/${c.slug}`}>{title}</a> : title}
      </h3>
      <dl class="dash-figures">
        <div>
          <dt>{t('dashboard.campaign.today')}</dt>
          <Live f={f} k={key.campaign(c.slug, 'today')} as="dd" />
        </div>
        <div>
          <dt>{t('dashboard.campaign.week')}</dt>
          <Live f={f} k={key.campaign(c.slug, 'week')} as="dd" />
        </div>
        <div>
          <dt>{t('dashboard.campaign.total')}</dt>
          <Live f={f} k={key.campaign(c.slug, 'total')} as="dd" />
        </div>
      </dl>
      <p class="help">
        {c.goal !== null && <>{t('dashboard.campaign.goal', { goal: c.goal })} · </>}
        <Live f={f} k={key.campaign(c.slug, 'notCounted')} />
      </p>
      <p>
        <a href={`/editor/campaigns/${c.slug}/statistics`}>{t('statistics.nav')}</a>
        {' · '}
        <a href={`/editor/campaigns/${c.slug}/petition/export.csv`} download>
          {t('petitionExport.download')}
        </a>
      </p>
      <DayChart
        tr={tr}
        id={`chart-${c.slug}`}
        days={view.days}
        counts={c.days}
        summary={f.figures[key.campaign(c.slug, 'summary')]!}
        summaryKey={key.campaign(c.slug, 'summary')}
        dayKey={(i) => key.day(c.slug, i)}
        barKey={(i) => key.bar(c.slug, i)}
      />
      <h4>{t('dashboard.campaign.languages')}</h4>
      {c.languages.length === 0 ? (
        <p class="help">{t('dashboard.campaign.noSignatures')}</p>
      ) : (
        <ul class="dash-languages">
          {c.languages.map((l) => (
            <li key={l.locale}>
              <span>{tr.languageName(l.locale)}</span> <Live f={f} k={key.language(c.slug, l.locale)} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}

function BouncedItem({ tr, b }: { tr: Translator; b: BouncedTarget }) {
  return (
    <li>
      <a href={`/editor/campaigns/${b.campaignSlug}/delivery#target-${b.targetId}`}>
        {tr.t('dashboard.needs.bounced', { name: isolate(b.name) })}
      </a>{' '}
      <bdi dir="ltr">{b.email}</bdi>
      {b.lastError && (
        <>
          {' '}
          <span class="editor-list__meta">
            <bdi dir="ltr">{b.lastError}</bdi>
          </span>
        </>
      )}
    </li>
  );
}

function Needs({ tr, needs, f }: { tr: Translator; needs: NeedsAHuman; f: DashboardFigures }) {
  const t = tr.t;
  const items = [
    ...needs.held.map((h) => (
      <li key={`held-${h.slug}`}>
        <a href={`/editor/campaigns/${h.slug}/held`}>
          <Live f={f} k={key.held(h.slug)} />
        </a>
      </li>
    )),
    ...needs.bounced.map((b) => <BouncedItem key={`bounced-${b.targetId}`} tr={tr} b={b} />),
    ...needs.endingSoon.map((e) => (
      <li key={`ending-${e.slug}`}>
        <a href={`/editor/campaigns/${e.slug}`}>
          {t('dashboard.needs.ending', { campaign: isolate(e.headline ?? e.slug), date: tr.date(e.endsAt) })}
        </a>{' '}
        <span class="editor-list__meta">
          {e.reminderSentAt === null
            ? t('dashboard.needs.reminderPending')
            : t('dashboard.needs.reminderSent', { date: dateTime(tr, e.reminderSentAt) })}
        </span>
      </li>
    )),
    // Mail to unknown addresses and open alerts: both are seen to on the delivery page.
    ...[
      { k: 'n:unknown', count: needs.unknown },
      { k: 'n:alerts', count: needs.openAlerts },
    ]
      .filter((d) => d.count > 0)
      .map((d) => (
        <li key={d.k}>
          <a href="/editor/delivery">
            <Live f={f} k={d.k} />
          </a>
        </li>
      )),
    ...(needs.requestsWaiting !== undefined && needs.requestsWaiting > 0
      ? [
          <li key="requests">
            <Live f={f} k="n:requests" />
          </li>,
        ]
      : []),
  ];
  return (
    <section class="editor-panel dash-needs" aria-labelledby="dash-needs">
      <h2 id="dash-needs">{t('dashboard.needs.title')}</h2>
      {items.length === 0 ? <p>{t('dashboard.needs.none')}</p> : <ul class="dash-needs__list">{items}</ul>}
    </section>
  );
}

function Delivery({ tr, f }: { tr: Translator; f: DashboardFigures }) {
  const t = tr.t;
  return (
    <section aria-labelledby="dash-delivery">
      <h2 id="dash-delivery">{t('dashboard.delivery.title')}</h2>
      <div class="editor-panel">
        <dl class="dash-figures dash-figures--small">
          {(Object.keys(deliveryKeys) as (keyof typeof deliveryKeys)[]).map((what) => (
            <div key={what}>
              <dt>{t(deliveryKeys[what])}</dt>
              <Live f={f} k={key.delivery(what)} as="dd" />
            </div>
          ))}
        </dl>
        <p>
          <a href="/editor/delivery">{t('dashboard.delivery.link')}</a>
        </p>
      </div>
    </section>
  );
}

function TranslationStatus({
  tr,
  cell,
}: {
  tr: Translator;
  cell: Pick<TranslationCell, 'status'> & { outdated?: boolean };
}) {
  const t = tr.t;
  return (
    <>
      <span class={`dash-tag dash-tag--${cell.status}`}>{t(translationKeys[cell.status])}</span>
      {cell.outdated && (
        <>
          {' '}
          <span class="dash-tag dash-tag--outdated">{t('dashboard.translations.outdated')}</span>
        </>
      )}
    </>
  );
}

function Translations({
  tr,
  campaigns,
  languages,
}: {
  tr: Translator;
  campaigns: CampaignTranslations[];
  /** A translator's own languages (the only ones shown); undefined for everyone else. */
  languages?: string[] | undefined;
}) {
  const t = tr.t;
  return (
    <section aria-labelledby="dash-translations">
      <h2 id="dash-translations">{t('dashboard.translations.title')}</h2>
      {languages?.length === 0 && <p>{t('dashboard.scope.noLanguages')}</p>}
      {languages && languages.length > 0 && (
        <p class="help">
          {t('dashboard.scope.languages', { languages: tr.list(languages.map((l) => tr.languageName(l))) })}
        </p>
      )}
      {campaigns.length === 0 && languages?.length !== 0 && <p>{t('dashboard.translations.none')}</p>}
      {campaigns.map((c) => (
        <article key={c.slug} class="editor-panel dash-translation" aria-labelledby={`tr-${c.slug}`}>
          <h3 id={`tr-${c.slug}`} dir="auto">
            <a href={`/editor/campaigns/${c.slug}`}>{c.headline ?? c.slug}</a>
          </h3>
          <p class="editor-list__meta">{t(campaignStatusKeys[c.status])}</p>
          <ul class="dash-translations">
            <li>
              <span>{t('dashboard.translations.source', { language: tr.languageName(c.sourceLocale) })}</span>{' '}
              {c.source ? (
                <TranslationStatus tr={tr} cell={{ status: c.source }} />
              ) : (
                <span class="dash-tag dash-tag--outdated">{t('dashboard.translations.missing')}</span>
              )}
            </li>
            {c.languages.map((l) => (
              <li key={l.locale}>
                <span>{tr.languageName(l.locale)}</span> <TranslationStatus tr={tr} cell={l} />
              </li>
            ))}
          </ul>
          {c.languages.length === 0 && <p class="help">{t('dashboard.translations.noneYet')}</p>}
        </article>
      ))}
    </section>
  );
}

export interface HomePageProps extends EditorPageBase {
  view: Dashboard;
  figures: DashboardFigures;
}

export function HomePage({ tr, site, user, csrf, view, figures: f }: HomePageProps) {
  const t = tr.t;
  const title = t('editor.home.title');
  const live = view.figures;
  return (
    <EditorLayout tr={tr} site={site} title={title} user={user} csrfToken={csrf} section="home">
      <div class="dash" data-dashboard="/editor/dashboard.json" data-shape={f.shape}>
        <h1>{t('editor.home.greeting', { name: user.name || user.email })}</h1>
        <p class="lead">{t('editor.home.role', { role: t(roleKeys[user.role]) })}</p>
        <p class="help">
          <Live f={f} k="updated" />
        </p>
        <p class="editor-notice" data-dashboard-stale hidden>
          <a href="/editor">{t('dashboard.stale')}</a>
        </p>
        {view.needs && <Needs tr={tr} needs={view.needs} f={f} />}
        {live && (
          <section aria-labelledby="dash-live">
            <h2 id="dash-live">{t('dashboard.live.title')}</h2>
            <p class="help">{t('dashboard.live.whatCounts')}</p>
            <p>
              <a href="/editor/statistics">{t('statistics.title.site')}</a>
            </p>
            {(view.scope?.campaigns ?? 0) > 0 && (
              <p class="help">{t('dashboard.scope.attached', { count: view.scope!.campaigns! })}</p>
            )}
            {live.length === 0 && (
              <p>
                {view.scope?.campaigns === 0 ? t('dashboard.scope.noCampaigns') : t('dashboard.live.none')}
              </p>
            )}
            {live.map((c) => (
              <CampaignCard
                key={c.slug}
                tr={tr}
                view={view}
                c={c}
                f={f}
                linked={can(user.role, 'campaigns:read')}
              />
            ))}
          </section>
        )}
        {view.delivery && <Delivery tr={tr} f={f} />}
        {view.translations && (
          <Translations tr={tr} campaigns={view.translations} languages={view.scope?.languages} />
        )}
      </div>
      <script src="/assets/dashboard.js" defer />
    </EditorLayout>
  );
}
