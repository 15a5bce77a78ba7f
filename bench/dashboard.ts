// `npm run bench:dashboard`: how long the editor dashboard's reads take on a database of a million
// signatures (BENCH_DASHBOARD_ROWS), one live campaign holding 21,000 of them from the last 30 days, the
// rest over two years on 59 other campaigns (9 more live), ~2 % held, a message per confirmed signature
// (bench/lib/million-signatures.ts, shared with bench:statistics).
// Prints the whole dashboard (editor's view) and each read, median and p95 of repeated runs, on SQLite and,
// when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (or the local test cluster answers), PostgreSQL.
// Filling takes ~30 s on SQLite and ~100 s on PostgreSQL (2 cores), so it is not part of `npm run bench`.
import { DashboardRepository } from '../src/db/dashboard.repository.js';
import type { Db } from '../src/db/database.js';
import { HeldSignatureRepository } from '../src/db/held-signature.repository.js';
import { chartDayStarts } from '../src/domain/dashboard/calendar.js';
import { viewDashboard } from '../src/domain/dashboard/view-dashboard.js';
import { listHeld } from '../src/domain/signature/review-held.js';
import { confirmationTokens } from '../src/security/confirmation-token.js';
import { fillDatabase, ms, onPostgres, onSqlite, time } from './lib/million-signatures.js';
import { header, printTable, type Row } from './lib/table.js';

const fill = { rows: Number(process.env.BENCH_DASHBOARD_ROWS ?? 1_000_000), big: 21_000, now: Date.now() };
const runs = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const now = fill.now;

async function measure(db: Db, label: string): Promise<Row[]> {
  const filledIn = await fillDatabase(db, fill);
  const reader = new DashboardRepository(db);
  const clock = { now: () => now };
  const live = (await reader.campaigns(['live'])).map((c) => c.id);
  const review = {
    held: new HeldSignatureRepository(db),
    tokens: confirmationTokens,
    clock,
    limits: async () => ({ ipPerHour: 30, domainPerHour: 500 }),
  };
  const scenarios: [string, () => Promise<unknown>][] = [
    ['whole dashboard, editor', () => viewDashboard({ reader, clock }, { role: 'editor' })],
    [
      'whole dashboard, partner attached to every live campaign',
      () =>
        viewDashboard(
          { reader, clock, scopes: { campaignsOf: async () => live, languagesOf: async () => [] } },
          { role: 'partner', id: 1 },
        ),
    ],
    ['  signatures by day (14 days)', () => reader.countedByDay(chartDayStarts(now)[0]!)],
    ['  counts by language', () => reader.countsByLanguage(live)],
    ['  delivery health', () => reader.deliveryHealth()],
    [
      '  campaigns + translations',
      async () => reader.translations((await reader.campaigns(['live'])).map((c) => c.id)),
    ],
    ['held review, 21k campaign', () => listHeld(review, { slug: 'bench-1', page: 1 })],
  ];
  const out: Row[] = [];
  for (const [name, fn] of scenarios) {
    const r = await time(runs, fn);
    out.push({
      scenario: `${name} (${label})`,
      ours: ms(r),
      baseline: '—',
      ratio: '—',
      notes:
        name === 'whole dashboard, editor'
          ? `${(fill.rows / 1e6).toFixed(1)}M signatures, filled in ${filledIn} s`
          : '',
    });
  }
  return out;
}

console.log(header());
console.error(`filling ${fill.rows} signatures on SQLite…`);
const table = await onSqlite('dashboard', (db) => measure(db, 'SQLite'));
if (process.env.BENCH_DASHBOARD_POSTGRES !== 'no') {
  console.error(`filling ${fill.rows} signatures on PostgreSQL…`);
  table.push(...(await onPostgres('dashboard', (db) => measure(db, 'PostgreSQL'))));
}
printTable(table);
process.exit(0);
