// One person's data as they download it: JSON (everything, as stored) and CSV (one row per record, so it
// opens in any spreadsheet). Cells that a spreadsheet would run as a formula are defused.
import type { MyData } from '../../../domain/privacy/privacy.ports.js';

export function myDataJson(data: MyData): string {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return JSON.stringify(
    {
      supporter: { ...data.supporter, createdAt: iso(data.supporter.createdAt) },
      signatures: data.signatures.map((s) => ({
        ...s,
        createdAt: iso(s.createdAt),
        confirmedAt: iso(s.confirmedAt),
      })),
      consents: data.consents.map((c) => ({
        ...c,
        givenAt: iso(c.givenAt),
        withdrawnAt: iso(c.withdrawnAt),
      })),
      lists: data.lists.map((m) => ({
        ...m,
        createdAt: iso(m.createdAt),
        subscribedAt: iso(m.subscribedAt),
        unsubscribedAt: iso(m.unsubscribedAt),
      })),
    },
    null,
    2,
  );
}

/** A CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) made inert for spreadsheets. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

const header = [
  'record',
  'campaign',
  'date',
  'language',
  'name',
  'email',
  'union',
  'country',
  'text',
  'status',
];

export function myDataCsv(data: MyData): string {
  const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
  const s = data.supporter;
  const rows: (string | number | null)[][] = [
    header,
    ['supporter', '', iso(s.createdAt), s.locale, s.name, s.email, s.unionName, s.country, '', ''],
    ...data.signatures.map((g) => [
      'signature',
      g.campaignSlug,
      iso(g.createdAt),
      g.locale,
      g.name,
      '',
      g.unionName,
      g.country,
      g.message,
      g.status,
    ]),
    ...data.consents.map((c) => [
      'consent',
      c.campaignSlug,
      iso(c.givenAt),
      c.locale,
      '',
      '',
      '',
      '',
      `${c.scope} (${c.version}): ${c.text}`,
      c.withdrawnAt === null ? 'given' : `withdrawn ${iso(c.withdrawnAt)}`,
    ]),
    ...data.lists.map((m) => [
      'list',
      '',
      iso(m.subscribedAt ?? m.createdAt),
      m.locale,
      '',
      '',
      '',
      '',
      `${m.source}: ${m.consentText ?? ''}`,
      m.status === 'unsubscribed' ? `unsubscribed ${iso(m.unsubscribedAt)}` : m.status,
    ]),
  ];
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
