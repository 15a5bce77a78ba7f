// A bar chart of counted signatures over time (hours or days), drawn like the dashboard's 14-day chart
// (dashboard-chart.tsx: same geometry, same classes, no script): one bar per slot, time running in the
// reading direction (right-to-left pages put the newest slot on the left), a sentence for a name, the
// first and last slot under it, and every number in a table.

import type { Series } from '../../../domain/statistics/view-statistics.js';
import type { Translator } from '../../../i18n/translator.js';
import { chart, chartBars } from '../dashboard/dashboard-chart.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** "23 Nov" for a day, "23 Nov, 14:00" for an hour, in the reader's language (UTC). */
export function slotLabel(tr: Translator, ms: number, hourly: boolean): string {
  const key = `${tr.locale}\u0000${hourly}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(tr.locale, {
      day: 'numeric',
      month: 'short',
      ...(hourly ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
      timeZone: 'UTC',
    });
    formats.set(key, f);
  }
  return f.format(ms);
}

export function TimeChart({
  tr,
  id,
  series,
  title,
}: {
  tr: Translator;
  id: string;
  series: Series;
  title: string;
}) {
  const t = tr.t;
  const hourly = series.step < 86_400_000;
  const slots = series.counts.length;
  const at = (i: number) => series.start + i * series.step;
  const total = series.counts.reduce((a, b) => a + b, 0);
  const summary = t('statistics.chart.summary', {
    count: total,
    from: slotLabel(tr, at(0), hourly),
    to: slotLabel(tr, at(slots - 1), hourly),
  });
  const bars = chartBars(series.counts);
  const w = slots * chart.slot;
  const x = (i: number) => (tr.dir === 'rtl' ? slots - 1 - i : i) * chart.slot + (chart.slot - chart.bar) / 2;
  return (
    <section class="stats-block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <figure class="day-chart">
        <svg
          class="day-chart__svg"
          viewBox={`0 0 ${w} ${chart.height}`}
          preserveAspectRatio="none"
          role="img"
          aria-labelledby={`${id}-title`}
          focusable="false"
          xmlns="http://www.w3.org/2000/svg"
        >
          <title id={`${id}-title`}>{summary}</title>
          <line
            class="day-chart__base"
            x1="0"
            x2={w}
            y1={chart.height - 0.5}
            y2={chart.height - 0.5}
            vector-effect="non-scaling-stroke"
          />
          {bars.map((b, i) => (
            <rect key={at(i)} class="day-chart__bar" x={x(i)} y={b.y} width={chart.bar} height={b.height} />
          ))}
        </svg>
        <div class="day-chart__axis" aria-hidden="true">
          <span>{slotLabel(tr, at(0), hourly)}</span>
          <span>{slotLabel(tr, at(slots - 1), hourly)}</span>
        </div>
        <details class="day-chart__numbers">
          <summary>{t('dashboard.chart.numbers')}</summary>
          <table class="day-chart__table">
            <thead>
              <tr>
                <th scope="col">{hourly ? t('statistics.chart.hour') : t('dashboard.chart.day')}</th>
                <th scope="col">{t('dashboard.chart.signatures')}</th>
              </tr>
            </thead>
            <tbody>
              {series.counts.map((n, i) => (
                <tr key={at(i)}>
                  <th scope="row">{slotLabel(tr, at(i), hourly)}</th>
                  <td>{tr.number(n)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figure>
    </section>
  );
}
