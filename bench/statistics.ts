// `npm run bench:statistics`: how long the statistics pages take on a database of a million signatures
// (BENCH_STATISTICS_ROWS): the figures read and the whole page rendered to HTML (map included), for one live
// campaign holding 21,000 signatures from the last 30 days and for the site-wide page (the 10 live
// campaigns, ~170,000 signatures); the other signatures spread over two years on 59 more campaigns; 60 countries, five languages, five kinds of source tag,
// ~2 % held, ~10 % pending, a message per confirmed signature. Median and p95 of repeated runs on SQLite
// and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (or the local test cluster answers), PostgreSQL.
// Goal (issue 16): ≤ 100 ms per page. Filling takes ~30 s on SQLite and ~100 s on PostgreSQL (2 cores).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { type Db, openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { StatisticsRepository } from '../src/db/statistics.repository.js';
import { viewStatistics } from '../src/domain/statistics/view-statistics.js';
import { StatisticsPage } from '../src/http/editor/statistics/statistics-page.js';
import { worldShapes } from '../src/http/editor/statistics/world-shapes.js';
import { translatorFor } from '../src/i18n/translator.js';
import { buildCampaign } from '../test/factories.js';
import { header, printTable, type Row } from './lib/table.js';

const rows = Number(process.env.BENCH_STATISTICS_ROWS ?? 1_000_000);
const big = 21_000;
const runs = Number(process.env.BENCH_STATISTICS_RUNS ?? 30);
const now = Date.now();
const day = 86_400_000;
const countries = (
  'KZ BY BR CL AR MX US CA GB IE FR DE IT ES PT NL BE SE NO DK FI PL CZ UA RU TR IR IQ EG MA ' +
  'NG GH KE ZA ET IN PK BD LK NP PH ID MY TH VN KR JP CN TW AU NZ AM GE AZ UZ KG FJ PE CO VE'
).split(' ');

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
  // Country follows language, as with real signers: each language's signers come from 12 countries, skewed
  // towards the first (i*i spreads the indexes unevenly). Mailings go to one language's list, so their tags
  // carry it; 5 languages × 12 countries × 7 tags × 3 statuses bounds the counts rows per campaign.
  const country = `case ${countries.map((c, k) => `when (i % 5) * 12 + (i * i) % 97 % 12 = ${k} then '${c}'`).join(' ')} end`;
  const source = `case i % 7 when 0 then 'mailing-' || (i % 3) || '-' || ${locale} when 1 then 'share' when 2 then 'partner-ituc' when 3 then 'fb' else null end`;
  return [
    `insert into supporters (email, email_canonical, name, locale, country, union_name, created_at, updated_at)
     select 'p' || i || '@bench.example.org', 'p' || i || '@bench.example.org', 'Supporter ' || i, 'en', 'KZ', null, 0, 0
     from (${seq}) s`,
    `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
       confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
     select ${campaign}, i, ${locale}, 'Supporter ' || i, null, ${country}, 'Free Erlan Baltabay now.', ${source},
       ${status}, null, 'net-' || (i % 997), ${createdAt}, ${createdAt}, ${createdAt}
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
  const reader = new StatisticsRepository(db);
  const deps = {
    reader,
    clock: { now: () => now },
    scopes: { campaignsOf: async () => [1], languagesOf: async () => [] },
  };
  const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
  const page = (locale: string, slug: string | null) => async () => {
    const tr = translatorFor(locale);
    const result = await viewStatistics(deps, { role: 'editor', id: 1 }, slug);
    if (result.status !== 'ok') throw new Error(result.status);
    const user = {
      id: 1,
      email: 'e@example.org',
      name: 'E',
      role: 'editor' as const,
      locale,
      status: 'active' as const,
      createdAt: 0,
      lastLoginAt: null,
    };
    return `<!doctype html>${renderToString(h(StatisticsPage, { tr, site, user, csrf: 'x', statistics: result.statistics, scoped: false }))}`;
  };
  const size = (await page('en', 'bench-1')()).length;
  const live = (await reader.liveCampaigns()).map((c) => c.id);
  const scenarios: [string, () => Promise<unknown>][] = [
    ['campaign page (21k signatures), read + render, en', page('en', 'bench-1')],
    ['campaign page (21k signatures), read + render, ar', page('ar', 'bench-1')],
    ['site-wide page (10 live campaigns), read + render, en', page('en', null)],
    ['  counts, campaign', () => reader.counts([1])],
    ['  by hour, campaign (whole life)', () => reader.countedByHour([1], 0)],
    ['  messages by status, campaign', () => reader.messagesByStatus([1])],
    ['  counts, 10 live campaigns', () => reader.counts(live)],
    ['  by hour, 10 live campaigns (30 days)', () => reader.countedByHour(live, now - 30 * day)],
    ['  messages by status, 10 live campaigns', () => reader.messagesByStatus(live)],
  ];
  const out: Row[] = [];
  for (const [name, fn] of scenarios) {
    const r = await time(fn);
    out.push({
      scenario: `${name} (${label})`,
      ours: ms(r),
      baseline: '≤ 100 ms',
      ratio: '—',
      notes: name.startsWith('campaign page (21k signatures), read + render, en')
        ? `${(rows / 1e6).toFixed(1)}M signatures, filled in ${filledIn} s; page ${Math.round(size / 1024)} KiB`
        : '',
    });
  }
  return out;
}

async function sqliteRows(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-statistics-'));
  const db = openDb({ url: `sqlite:${join(dir, 'statistics.db')}` });
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
        scenario: 'statistics (PostgreSQL)',
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
// The map's shapes are projected once per process: the first page pays for it, no later one.
const projected = performance.now();
worldShapes();
const projection: Row = {
  scenario: 'world map shapes, projected once per process',
  ours: `${(performance.now() - projected).toFixed(1)} ms`,
  baseline: '—',
  ratio: '—',
  notes: `${worldShapes().shapes.length} shapes`,
};
console.error(`filling ${rows} signatures on SQLite…`);
const table = [projection, ...(await sqliteRows())];
if (process.env.BENCH_STATISTICS_POSTGRES !== 'no') {
  console.error(`filling ${rows} signatures on PostgreSQL…`);
  table.push(...(await postgresRows()));
}
printTable(table);
process.exit(0);
