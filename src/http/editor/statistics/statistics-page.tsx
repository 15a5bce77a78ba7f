// The statistics page (per campaign or site-wide): the summary figures, signatures over time, by language,
// by country (map and table), by source and delivery status. Every chart has its numbers in a table, and
// the whole page's numbers are one CSV download away. Server-rendered, no script, logical CSS only.
import type { Statistics } from '../../../domain/statistics/view-statistics.js';
import type { Translator } from '../../../i18n/translator.js';
import { DataTable } from '../../views/data-table.js';
import { CampaignHeading } from '../../views/editor/campaign-heading.js';
import { EditorPage, type EditorPageBase } from '../../views/editor/editor-layout.js';
import { countryName, languageName } from './names.js';
import { TimeChart } from './time-chart.js';
import { WorldMap } from './world-map.js';

export interface StatisticsPageProps extends EditorPageBase {
  statistics: Statistics;
  /** Set for a partner's site-wide page: its figures cover only the campaigns it is attached to. */
  scoped: boolean;
}

/** Where the page lives, and its CSV beside it. */
export const statisticsPath = (slug: string | null) =>
  slug === null ? '/editor/statistics' : `/editor/campaigns/${slug}/statistics`;

/** Signatures by hour and by day: the same chart over two spans, titled for a campaign or the site. */
const charts = [
  { span: 'hours', campaign: 'statistics.hours.campaign', site: 'statistics.hours.site' },
  { span: 'days', campaign: 'statistics.days.campaign', site: 'statistics.days.site' },
] as const;

export function StatisticsPage(p: StatisticsPageProps) {
  const { tr, statistics: s } = p;
  const t = tr.t;
  const c = s.campaign;
  const title = c ? t('statistics.title.campaign') : t('statistics.title.site');
  return (
    <EditorPage page={p} title={title} section="statistics">
      {c ? <CampaignHeading tr={tr} campaign={c} title={title} /> : <h1>{title}</h1>}
      {p.scoped && <p>{t('statistics.scoped')}</p>}
      {!c && s.covers.length > 0 && (
        <ul class="editor-links">
          {s.covers.map((x) => (
            <li key={x.id}>
              <a href={statisticsPath(x.slug)} dir="auto">
                {x.headline ?? x.slug}
              </a>
            </li>
          ))}
        </ul>
      )}
      <p class="help">{t('statistics.whatCounts')}</p>
      <p>
        <a href={`${statisticsPath(c?.slug ?? null)}.csv`} download>
          {t('statistics.csv')}
        </a>
      </p>
      <dl class="stats-figures">
        <div>
          <dt class="stats-figures__label">{t('dashboard.chart.signatures')}</dt>
          <dd class="stats-figures__value">{tr.number(s.counted)}</dd>
        </div>
        <div>
          <dt class="stats-figures__label">{t('statistics.rate')}</dt>
          <dd class="stats-figures__value">
            {s.confirmationRate === null ? '—' : percent(tr, s.confirmationRate)}
          </dd>
        </div>
      </dl>
      <p>{t('dashboard.campaign.notCounted', { pending: s.pending, held: s.held })}</p>
      {s.counted === 0 && <p>{t('dashboard.campaign.noSignatures')}</p>}
      {charts.map(
        ({ span, campaign, site }) =>
          s[span].counts.length > 0 && (
            <TimeChart
              key={span}
              tr={tr}
              id={`stats-${span}`}
              series={s[span]}
              title={t(c ? campaign : site)}
            />
          ),
      )}
      <Breakdown
        tr={tr}
        id="stats-languages"
        title={t('statistics.languages')}
        column={t('mailings.table.language')}
        total={s.counted}
        rows={s.languages.map((l) => ({ key: l.locale, name: languageName(tr.locale, l.locale), n: l.n }))}
      />
      <section class="stats-block" aria-labelledby="stats-countries">
        <h2 id="stats-countries">{t('statistics.countries')}</h2>
        <WorldMap tr={tr} countries={s.countries} />
        <BreakdownTable
          tr={tr}
          column={t('statistics.country')}
          total={s.counted}
          rows={s.countries.map((x) => ({
            key: x.code,
            name: x.code === '' ? t('statistics.noCountry') : countryName(tr.locale, x.code),
            n: x.n,
          }))}
        />
      </section>
      <section class="stats-block" aria-labelledby="stats-sources">
        <h2 id="stats-sources">{t('statistics.sources')}</h2>
        <BreakdownTable
          tr={tr}
          column={t('statistics.source')}
          total={s.counted}
          rows={s.sources.map((x) => ({
            key: x.kind,
            name: t('statistics.sourceKind', { kind: x.kind }),
            n: x.n,
          }))}
        />
        {s.tags.length > 0 && (
          <BreakdownTable
            tr={tr}
            column={t('statistics.tag')}
            total={s.counted}
            rows={s.tags.map((x) => ({ key: x.tag, name: x.tag, n: x.n }))}
          />
        )}
      </section>
      <section class="stats-block" aria-labelledby="stats-delivery">
        <h2 id="stats-delivery">{t('dashboard.delivery.title')}</h2>
        <DataTable class="stats-table" columns={[t('mailings.table.status'), t('statistics.messages')]}>
          {s.delivery.map((d) => (
            <tr key={d.bucket}>
              <th scope="row">{t('statistics.delivery', { bucket: d.bucket })}</th>
              <td>{tr.number(d.n)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </EditorPage>
  );
}

const percents = new Map<string, Intl.NumberFormat>();

export function percent(tr: Translator, share: number): string {
  let f = percents.get(tr.locale);
  if (!f) {
    f = new Intl.NumberFormat(tr.locale, { style: 'percent', maximumFractionDigits: 1 });
    percents.set(tr.locale, f);
  }
  return f.format(share);
}

interface Row {
  key: string;
  name: string;
  n: number;
}

function Breakdown(p: {
  tr: Translator;
  id: string;
  title: string;
  column: string;
  total: number;
  rows: Row[];
}) {
  return (
    <section class="stats-block" aria-labelledby={p.id}>
      <h2 id={p.id}>{p.title}</h2>
      <BreakdownTable tr={p.tr} column={p.column} total={p.total} rows={p.rows} />
    </section>
  );
}

function BreakdownTable({
  tr,
  column,
  total,
  rows,
}: {
  tr: Translator;
  column: string;
  total: number;
  rows: Row[];
}) {
  const t = tr.t;
  return (
    <div class="table-scroll">
      <DataTable
        class="stats-table"
        columns={[column, t('dashboard.chart.signatures'), t('statistics.share')]}
      >
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" dir="auto">
              {r.name}
            </th>
            <td>{tr.number(r.n)}</td>
            <td>{total === 0 ? '—' : percent(tr, r.n / total)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
