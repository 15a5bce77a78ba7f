// A bar chart of counted signatures over time (hours or days), drawn like the dashboard's 14-day chart
// (dashboard-chart.tsx: same geometry, same classes, no script): one bar per slot, time running in the
// reading direction (right-to-left pages put the newest slot on the left), a sentence for a name, the
// first and last slot under it, and every number in a table.

import type { Series } from '../../../domain/statistics/view-statistics.js';
import type { Translator } from '../../../i18n/translator.js';
import { BarChart, chart } from '../dashboard/dashboard-chart.js';

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
  return (
    <section class="stats-block" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      <BarChart
        tr={tr}
        id={id}
        width={slots * chart.slot}
        summary={summary}
        axis={[slotLabel(tr, at(0), hourly), slotLabel(tr, at(slots - 1), hourly)]}
        slotHeading={hourly ? t('statistics.chart.hour') : t('dashboard.chart.day')}
        slots={series.counts.map((count, i) => ({ at: at(i), count, label: slotLabel(tr, at(i), hourly) }))}
      />
    </section>
  );
}
