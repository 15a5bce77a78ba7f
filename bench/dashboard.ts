// `npm run bench:dashboard`: how long the editor dashboard's reads take on a database of a million
// signatures (BENCH_DASHBOARD_ROWS), one live campaign holding 21,000 of them from the last 30 days, the
// rest over two years on 59 other campaigns (9 more live), ~2 % held, a message per confirmed signature.
// Prints the whole dashboard (editor's view) and each read, median and p95 of repeated runs, on SQLite and,
// when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (or the local test cluster answers), PostgreSQL.
// Filling takes ~30 s on SQLite and ~100 s on PostgreSQL (2 cores), so it is not part of `npm run bench`.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { DashboardRepository } from '../src/db/dashboard.repository.js';
import { type Db, openDb } from '../src/db/database.js';
import { HeldSignatureRepository } from '../src/db/held-signature.repository.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { chartDayStarts } from '../src/domain/dashboard/calendar.js';
import { viewDashboard } from '../src/domain/dashboard/view-dashboard.js';
import { listHeld } from '../src/domain/signature/review-held.js';
import { confirmationTokens } from '../src/security/confirmation-token.js';
import { buildCampaign } from '../test/factories.js';
import { header, printTable, type Row } from './lib/table.js';

const rows = Number(process.env.BENCH_DASHBOARD_ROWS ?? 1_000_000);
const big = 21_000;
const runs = Number(process.env.BENCH_DASHBOARD_RUNS ?? 30);
const now = Date.now();
const day = 86_400_000;

/** The fill, as one statement per table so the database does the work. `seq(i)` is 1..rows. */
function fill(dialect: 'sqlite' | 'postgres') {
  const seq =
    dialect === 'sqlite'
      ? `with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ${rows}) select i from seq`
      : `select i::bigint as i from generate_series(1, ${rows}) as i`;
  // Campaign ids are 1..60 (fresh database); campaign 1 is the big live one.
  const campaign = `case when i <= ${big} then 1 else 2 + (i % 59) end`;
  const createdAt = `case when i <= ${big} then ${now} - ((i * 7919) % ${30 * day}) else ${now} - ((i * 104729) % ${730 * day}) end`;
  const status = `case when i % 50 = 0 then 'held' when i % 10 = 1 then 'pending' else 'confirmed' end`;
  const locale = `case i % 5 when 0 then 'en' when 1 then 'ar' when 2 then 'tl' when 3 then 'en' else 'ru' end`;
  return [
    `insert into supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
     select 'p' || i || '@bench.example.org', 'p' || i || '@bench.example.org', 'Supporter ' || i, 'en', 'KZ', null, 0, 0
     from (${seq}) s`,
    `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
       confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
     select ${campaign}, i, ${locale}, 'Supporter ' || i, null, 'KZ', 'Free Erlan Baltabay now.', null, ${status},
       null, 'net-' || (i % 997), ${createdAt}, ${createdAt}, ${createdAt}
     from (${seq}) s`,
    `insert into counts (campaign_id, locale, country, source, status, n)
     select campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status, count(*)
     from signatures group by campaign_id, locale, coalesce(country, ''), coalesce(source, ''), status`,
    `insert into messages (kind, signature_id, target_id, campaign_id, status, attempts, created_at)
     select 'signature', s.id, t.id, s.campaign_id,
       case when s.id % 97 = 0 then 'queued' when s.id % 389 = 0 then 'deferred' when s.id % 4999 = 0 then 'unknown'
            else 'sent' end,
       1, s.created_at
     from signatures s join targets t on t.campaign_id = s.campaign_id and t.position = 0
     where s.status = 'confirmed'`,
  ];
}

async function prepare(db: Db): Promise<number> {
  const started = performance.now();
  const { error } = await migrateToLatest(db);
  if (error) throw error;
  const campaigns = new CampaignRepository(db);
  for (let c = 1; c <= 60; c++) {
    const live = c <= 10;
    const base = buildCampaign().translations[0]!;
    await campaigns.create(
      buildCampaign({
        slug: `bench-${c}`,
        status: live ? 'live' : 'closed',
        endsAt: live ? now + c * 5 * day : now - c * day,
        translations: ['en', 'ar', 'tl'].map((locale) => ({ ...base, locale })),
      }),
      now - 800 * day,
    );
  }
  for (const statement of fill(db.dialect)) await sql.raw(statement).execute(db.kysely);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  return Math.round((performance.now() - started) / 1000);
}

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!;
  return { median: at(0.5), p95: at(0.95) };
}

const ms = (r: { median: number; p95: number }) => `${r.median.toFixed(1)} ms (p95 ${r.p95.toFixed(1)})`;

async function measure(db: Db, label: string, filledIn: number): Promise<Row[]> {
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
    const r = await time(fn);
    out.push({
      scenario: `${name} (${label})`,
      ours: ms(r),
      baseline: '—',
      ratio: '—',
      notes:
        name === 'whole dashboard, editor'
          ? `${(rows / 1e6).toFixed(1)}M signatures, filled in ${filledIn} s`
          : '',
    });
  }
  return out;
}

async function sqliteRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-dashboard-'));
  const db = openDb({ url: `sqlite:${join(dir, 'dashboard.db')}` });
  try {
    db.sqlite?.pragma('synchronous = OFF');
    const filled = await prepare(db);
    db.sqlite?.pragma('synchronous = FULL');
    return await measure(db, 'SQLite', filled);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresRows(): Promise<Row[]> {
  const url =
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://outcry:outcry@127.0.0.1:5432/outcry_test';
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    return [
      {
        scenario: 'dashboard (PostgreSQL)',
        ours: 'skipped',
        baseline: '—',
        ratio: '—',
        notes: String(error),
      },
    ];
  }
  await admin.query(`create schema ${schema}`);
  const db = openDb({ url, searchPath: schema, poolSize: 4 });
  try {
    const filled = await prepare(db);
    return await measure(db, 'PostgreSQL', filled);
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}

console.log(header());
console.error(`filling ${rows} signatures on SQLite…`);
const table = await sqliteRows();
if (process.env.BENCH_DASHBOARD_POSTGRES !== 'no') {
  console.error(`filling ${rows} signatures on PostgreSQL…`);
  table.push(...(await postgresRows()));
}
printTable(table);
process.exit(0);
