// `npm run bench:statistics`: how long the statistics pages take on a database of a million signatures
// (BENCH_STATISTICS_ROWS): the figures read and the whole page rendered to HTML (map included), for one live
// campaign holding 21,000 signatures from the last 30 days and for the site-wide page (the 10 live
// campaigns, ~170,000 signatures); the other signatures spread over two years on 59 more campaigns; 60
// countries, five languages, five kinds of source tag, ~2 % held, ~10 % pending, a message per confirmed
// signature (bench/lib/million-signatures.ts, shared with bench:dashboard). Median and p95 of repeated runs on
// SQLite and, when BENCH_DATABASE_URL or TEST_DATABASE_URL is set (or the local test cluster answers),
// PostgreSQL. "ours" reads the rollup tables (migration 0025); "baseline" is the direct count over signatures
// and messages the pages made before, in the same run, after checking that both draw the same page. First,
// what the rollups' triggers cost the signing batch (BENCH_STATISTICS_WRITES=no skips it). Goal (issue 16):
// ≤ 100 ms per page. Filling takes ~30 s on SQLite and ~100 s on PostgreSQL on a quiet machine (2 cores).
import { type Kysely, sql } from 'kysely';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import type { Db } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import type { Database } from '../src/db/schema.js';
import { BatchedSignatureWriter } from '../src/db/signature.writer.js';
import { StatisticsRepository } from '../src/db/statistics.repository.js';
import type { StatisticsReader } from '../src/domain/statistics/statistics.ports.js';
import { viewStatistics } from '../src/domain/statistics/view-statistics.js';
import { StatisticsPage } from '../src/http/editor/statistics/statistics-page.js';
import { worldShapes } from '../src/http/editor/statistics/world-shapes.js';
import { translatorFor } from '../src/i18n/translator.js';
import { buildCampaign, buildSignCommand } from '../test/factories.js';
import { fillDatabase, ms, onPostgres, onSqlite, time } from './lib/million-signatures.js';
import { header, printTable, type Row } from './lib/table.js';

const fill = { rows: Number(process.env.BENCH_STATISTICS_ROWS ?? 1_000_000), big: 21_000, now: Date.now() };
const runs = Number(process.env.BENCH_STATISTICS_RUNS ?? 30);
const now = fill.now;
const day = 86_400_000;
const hourMs = 3_600_000;

/**
 * The reads the pages made before the rollup tables (migration 0025): confirmed signatures grouped by hour,
 * messages counted by status through the campaigns' targets. The baseline column, measured in the same run.
 */
function directReader(db: Kysely<Database>, rollup: StatisticsReader): StatisticsReader {
  return {
    campaign: (slug) => rollup.campaign(slug),
    liveCampaigns: () => rollup.liveCampaigns(),
    counts: (ids) => rollup.counts(ids),
    async countedByHour(ids, since) {
      if (ids.length === 0) return [];
      const hour = sql<number | string>`created_at / ${sql.lit(hourMs)}`;
      let q = db
        .selectFrom('signatures')
        .select([hour.as('hour'), (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('status', '=', 'confirmed')
        .where('campaign_id', 'in', ids)
        .groupBy(hour);
      if (since > 0) q = q.where('created_at', '>=', since);
      return (await q.execute()).map((r) => ({ hour: Number(r.hour), n: Number(r.n) }));
    },
    async messagesByStatus(ids) {
      if (ids.length === 0) return [];
      const rows = await db
        .selectFrom('messages')
        .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('target_id', 'in', (eb) =>
          eb.selectFrom('targets').select('id').where('campaign_id', 'in', ids),
        )
        .groupBy('status')
        .execute();
      return rows.map((r) => ({ status: r.status, n: Number(r.n) }));
    },
  };
}

async function measure(db: Db, label: string): Promise<Row[]> {
  const filledIn = await fillDatabase(db, fill);
  const rollup = new StatisticsRepository(db);
  const direct = directReader(db.kysely, rollup);
  const viewer = { role: 'editor' as const, id: 1 };
  const deps = (reader: StatisticsReader) => ({
    reader,
    clock: { now: () => now },
    scopes: { campaignsOf: async () => [1], languagesOf: async () => [] },
  });
  const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
  const page = (reader: StatisticsReader, locale: string, slug: string | null) => async () => {
    const tr = translatorFor(locale);
    const result = await viewStatistics(deps(reader), viewer, slug);
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
  // Both readers must give the same page, or the figures compare nothing.
  for (const slug of ['bench-1', null]) {
    const [a, b] = await Promise.all([page(rollup, 'en', slug)(), page(direct, 'en', slug)()]);
    if (a !== b) throw new Error(`the rollup and the direct count differ on ${slug ?? 'the site-wide page'}`);
  }
  const size = (await page(rollup, 'en', 'bench-1')()).length;
  const live = (await rollup.liveCampaigns()).map((c) => c.id);
  const since = now - 30 * day;
  const scenarios: [string, (r: StatisticsReader) => () => Promise<unknown>][] = [
    ['campaign page (21k signatures), read + render, en', (r) => page(r, 'en', 'bench-1')],
    ['campaign page (21k signatures), read + render, ar', (r) => page(r, 'ar', 'bench-1')],
    ['site-wide page (10 live campaigns), read + render, en', (r) => page(r, 'en', null)],
    ['  counts, campaign', (r) => () => r.counts([1])],
    ['  by hour, campaign (whole life)', (r) => () => r.countedByHour([1], 0)],
    ['  messages by status, campaign', (r) => () => r.messagesByStatus([1])],
    ['  counts, 10 live campaigns', (r) => () => r.counts(live)],
    ['  by hour, 10 live campaigns (30 days)', (r) => () => r.countedByHour(live, since)],
    ['  messages by status, 10 live campaigns', (r) => () => r.messagesByStatus(live)],
  ];
  const out: Row[] = [];
  for (const [name, fn] of scenarios) {
    const ours = await time(runs, fn(rollup));
    const before = await time(runs, fn(direct));
    out.push({
      scenario: `${name} (${label})`,
      ours: ms(ours),
      baseline: ms(before),
      ratio: `${(before.median / ours.median).toFixed(1)}×`,
      notes: name.startsWith('campaign page (21k signatures), read + render, en')
        ? `${(fill.rows / 1e6).toFixed(1)}M signatures, filled in ${filledIn} s; page ${Math.round(size / 1024)} KiB`
        : '',
    });
  }
  return out;
}

/**
 * What the rollup triggers cost the signing batch on SQLite: the same writer and database, 64 signatures in
 * flight, confirmed at once (immediate mode, three targets: one signature and three messages each), in
 * alternating rounds with the triggers present and dropped. Wall time swings with the machine; CPU time per
 * signature (this process) is the steadier figure.
 */
async function writeCost(): Promise<Row[]> {
  const rounds = Number(process.env.BENCH_STATISTICS_WRITE_ROUNDS ?? 4);
  const per = Number(process.env.BENCH_STATISTICS_WRITE_SIGNATURES ?? 5000);
  return onSqlite('statistics-writes', async (db) => {
    const { error } = await migrateToLatest(db);
    if (error) throw error;
    const id = await new CampaignRepository(db).create(
      buildCampaign({ slug: 'writes', confirmationMode: 'immediate' }),
      Date.now(),
    );
    const triggers = (
      await sql<{ name: string; sql: string }>`select name, sql from sqlite_master
        where type = 'trigger' and (name like 'trg_signature_hours_%' or name like 'trg_message_counts_%')`.execute(
        db.kysely,
      )
    ).rows;
    if (triggers.length !== 6) throw new Error(`expected the six rollup triggers, found ${triggers.length}`);
    const writer = new BatchedSignatureWriter(db);
    let n = 0;
    const round = async () => {
      let next = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      const lane = async () => {
        while (next < per) {
          next++;
          await writer.record(
            buildSignCommand(id, { email: `w${++n}@example.org`, status: 'confirmed', now: Date.now() }),
          );
        }
      };
      await Promise.all(Array.from({ length: 64 }, lane));
      const wall = performance.now() - started;
      const used = process.cpuUsage(cpu);
      return { perSecond: (per / wall) * 1000, cpuUs: (used.user + used.system) / per };
    };
    const on: { perSecond: number; cpuUs: number }[] = [];
    const off: { perSecond: number; cpuUs: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      on.push(await round());
      for (const t of triggers) await sql.raw(`drop trigger ${t.name}`).execute(db.kysely);
      off.push(await round());
      for (const t of triggers) await sql.raw(t.sql).execute(db.kysely);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const line = (xs: { perSecond: number; cpuUs: number }[]) =>
      `${Math.round(median(xs.map((x) => x.perSecond)))}/s, ${Math.round(median(xs.map((x) => x.cpuUs)))} µs CPU/signature`;
    const cpuOn = median(on.map((x) => x.cpuUs));
    const cpuOff = median(off.map((x) => x.cpuUs));
    return [
      {
        scenario: 'signing batch, with rollup triggers / without (SQLite FULL)',
        ours: line(on),
        baseline: line(off),
        ratio: `${(cpuOn / cpuOff).toFixed(2)}× CPU`,
        notes: `${rounds} rounds of ${per} each way, medians; rounds: ${on.map((x) => Math.round(x.perSecond)).join(' ')} / ${off.map((x) => Math.round(x.perSecond)).join(' ')} per s`,
      },
    ];
  });
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
const table = [projection];
if (process.env.BENCH_STATISTICS_WRITES !== 'no') {
  console.error('signing with and without the rollup triggers…');
  table.push(...(await writeCost()));
}
console.error(`filling ${fill.rows} signatures on SQLite…`);
table.push(...(await onSqlite('statistics', (db) => measure(db, 'SQLite'))));
if (process.env.BENCH_STATISTICS_POSTGRES !== 'no') {
  console.error(`filling ${fill.rows} signatures on PostgreSQL…`);
  table.push(...(await onPostgres('statistics', (db) => measure(db, 'PostgreSQL'))));
}
printTable(table);
process.exit(0);
