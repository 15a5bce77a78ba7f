// The dashboard's small chart of the last 14 days: inline SVG drawn on the server (no chart library, no
// script, no style attribute: colours come from editor.css), one bar per UTC day. Time runs in the reading
// direction, so right-to-left pages put today on the left. The SVG stretches to any width (a 390 px phone
// too); a sentence names what it shows and a table under it gives every number.
import type { Translator } from '../../../i18n/translator.js';
import { DataTable } from '../../views/data-table.js';

/** The drawing's own units; the SVG is stretched to its box. */
export const chart = { width: 140, height: 48, slot: 10, bar: 8, top: 3 } as const;

export interface Bar {
  y: number;
  height: number;
}

/** Bar geometry for counts, oldest first; the tallest bar fills the chart, an empty day has none. */
export function chartBars(counts: number[]): Bar[] {
  const max = Math.max(1, ...counts);
  const room = chart.height - chart.top - 1;
  return counts.map((n) => {
    const height = n > 0 ? Math.max(1, Math.round((n / max) * room * 10) / 10) : 0;
    return { y: Math.round((chart.height - 1 - height) * 10) / 10, height };
  });
}

const shortDates = new Map<string, Intl.DateTimeFormat>();

/** "10 Nov" in the interface language (UTC day). */
export function shortDate(tr: Translator, ms: number): string {
  let f = shortDates.get(tr.locale);
  if (!f) {
    f = new Intl.DateTimeFormat(tr.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
    shortDates.set(tr.locale, f);
  }
  return f.format(ms);
}

export interface DayChartProps {
  tr: Translator;
  /** Unique on the page (the title's id is derived from it). */
  id: string;
  /** Start of each day, oldest first. */
  days: number[];
  counts: number[];
  /** The sentence that names the chart (its text alternative)… */
  summary: string;
  /** …and its live figure key. */
  summaryKey: string;
  /** Live figure key of day i's cell in the table. */
  dayKey: (i: number) => string;
  /** Live bar key of day i. */
  barKey: (i: number) => string;
}

export function DayChart({ tr, id, days, counts, summary, summaryKey, dayKey, barKey }: DayChartProps) {
  const t = tr.t;
  const last = days.length - 1;
  return (
    <BarChart
      tr={tr}
      id={id}
      width={chart.width}
      summary={summary}
      summaryKey={summaryKey}
      axis={[shortDate(tr, days[0]!), t('dashboard.chart.today')]}
      slotHeading={t('dashboard.chart.day')}
      markLast
      slots={days.map((d, i) => ({
        at: d,
        count: counts[i] ?? 0,
        label: i === last ? t('dashboard.chart.todayDate', { date: shortDate(tr, d) }) : shortDate(tr, d),
        figure: dayKey(i),
        bar: barKey(i),
      }))}
    />
  );
}

export interface ChartSlot {
  /** Start of the slot (its key). */
  at: number;
  count: number;
  /** The slot's name in the table. */
  label: string;
  /** Live figure key of its cell in the table, live bar key of its bar. */
  figure?: string | undefined;
  bar?: string | undefined;
}

/**
 * The drawing both charts share (the dashboard's days, the statistics' hours or days): the SVG with its name,
 * base line and one bar per slot in the reading direction, the first and last slot under it, every number in
 * a table. `markLast`: the newest bar stands out (the dashboard's today).
 */
export function BarChart(p: {
  tr: Translator;
  id: string;
  /** The drawing's width in its own units. */
  width: number;
  slots: ChartSlot[];
  summary: string;
  summaryKey?: string | undefined;
  axis: [string, string];
  slotHeading: string;
  markLast?: boolean;
}) {
  const { tr, id } = p;
  const t = tr.t;
  const bars = chartBars(p.slots.map((s) => s.count));
  const last = p.slots.length - 1;
  const x = (i: number) => (tr.dir === 'rtl' ? last - i : i) * chart.slot + (chart.slot - chart.bar) / 2;
  return (
    <figure class="day-chart">
      <svg
        class="day-chart__svg"
        viewBox={`0 0 ${p.width} ${chart.height}`}
        preserveAspectRatio="none"
        role="img"
        aria-labelledby={`${id}-title`}
        focusable="false"
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${id}-title`} data-figure={p.summaryKey}>
          {p.summary}
        </title>
        <line
          class="day-chart__base"
          x1="0"
          x2={p.width}
          y1={chart.height - 0.5}
          y2={chart.height - 0.5}
          vector-effect="non-scaling-stroke"
        />
        {bars.map((b, i) => (
          <rect
            key={p.slots[i]!.at}
            class={p.markLast && i === last ? 'day-chart__bar day-chart__bar--today' : 'day-chart__bar'}
            x={x(i)}
            y={b.y}
            width={chart.bar}
            height={b.height}
            data-bar={p.slots[i]!.bar}
          />
        ))}
      </svg>
      {/* The axis labels: not a caption (a figcaption must be the figure's first or last child). */}
      <div class="day-chart__axis" aria-hidden="true">
        <span>{p.axis[0]}</span>
        <span>{p.axis[1]}</span>
      </div>
      <details class="day-chart__numbers">
        <summary>{t('dashboard.chart.numbers')}</summary>
        <DataTable class="day-chart__table" columns={[p.slotHeading, t('dashboard.chart.signatures')]}>
          {p.slots.map((s) => (
            <tr key={s.at}>
              <th scope="row">{s.label}</th>
              <td data-figure={s.figure}>{tr.number(s.count)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
