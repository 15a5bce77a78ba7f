// The statistics page's numbers as one CSV (the petition export's writer: BOM for spreadsheets, quoting,
// formula cells neutralised, since source tags are typed by whoever made a link). One row per figure:
// what it is, its key (a date, a language tag, a country code, a source tag, a status), its name in the
// reader's language where it has one, and the number.
import { csvLine, utf8Bom } from '../../../domain/petition/csv.js';
import type { Series, Statistics } from '../../../domain/statistics/view-statistics.js';
import type { Translator } from '../../../i18n/translator.js';
import { countryName, languageName } from './names.js';

export const statisticsColumns = ['figure', 'key', 'name', 'signatures'] as const;

export function statisticsCsv(tr: Translator, s: Statistics): string {
  const t = tr.t;
  const lines: (string | number | null)[][] = [
    ['total', 'confirmed', t('dashboard.chart.signatures'), s.counted],
    ['total', 'pending', null, s.pending],
    ['total', 'held', null, s.held],
    [
      'total',
      'confirmation_rate',
      t('statistics.rate'),
      s.confirmationRate === null ? null : round(s.confirmationRate),
    ],
    ...slots('hour', s.hours),
    ...slots('day', s.days),
    ...s.languages.map((l) => ['language', l.locale, languageName(tr.locale, l.locale), l.n]),
    ...s.countries.map((c) => [
      'country',
      c.code,
      c.code === '' ? t('statistics.noCountry') : countryName(tr.locale, c.code),
      c.n,
    ]),
    ...s.sources.map((x) => ['source', x.kind, t('statistics.sourceKind', { kind: x.kind }), x.n]),
    ...s.tags.map((x) => ['source_tag', x.tag, t('statistics.sourceKind', { kind: x.kind }), x.n]),
    ...s.delivery.map((d) => ['messages', d.bucket, t('statistics.delivery', { bucket: d.bucket }), d.n]),
  ];
  return utf8Bom + csvLine(statisticsColumns) + lines.map(csvLine).join('');
}

/** ISO 8601 in UTC: 2026-11-23 for days, 2026-11-23T14:00Z for hours. */
function slots(figure: 'hour' | 'day', series: Series): (string | number | null)[][] {
  return series.counts.map((n, i) => {
    const iso = new Date(series.start + i * series.step).toISOString();
    return [figure, figure === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 16)}Z`, null, n];
  });
}

const round = (share: number) => Math.round(share * 10_000) / 10_000;
