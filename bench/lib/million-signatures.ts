// The database of a million signatures that `bench:dashboard` and `bench:statistics` read (issue 13: one
// generator, not two copies): 60 campaigns, the first 10 live; campaign 1 holds `big` signatures from the
// last 30 days, the rest lie over two years on the other 59; ~2 % held, ~10 % pending; 60 countries
// following 5 languages; five kinds of `?src=` tag; a message per confirmed signature to the first target.
// Also the timing loop and the SQLite / PostgreSQL databases both benchmarks run in, so their figures compare.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { CampaignRepository } from '../../src/db/campaign.repository.js';
import { type Db, openDb } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';
import { buildCampaign } from '../../test/factories.js';
import type { Row } from './table.js';

export const day = 86_400_000;

export interface Fill {
  /** Signatures in all. */
  rows: number;
  /** Signatures of campaign 1 (the big live one), made in the last 30 days. */
  big: number;
  /** The bench's "now" (epoch ms): live campaigns end after it, signatures are made before it. */
  now: number;
}

export const countries = (
  'KZ BY BR CL AR MX US CA GB IE FR DE IT ES PT NL BE SE NO DK FI PL CZ UA RU TR IR IQ EG MA ' +
  'NG GH KE ZA ET IN PK BD LK NP PH ID MY TH VN KR JP CN TW AU NZ AM GE AZ UZ KG FJ PE CO VE'
).split(' ');

/** The fill, as one statement per table so the database does the work. `seq(i)` is 1..rows. */
export function fillStatements(dialect: 'sqlite' | 'postgres', { rows, big, now }: Fill): string[] {
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
    `insert into supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
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

/** Migrates, creates the 60 campaigns and fills them; returns the seconds it took. SQLite fills without fsync. */
export async function fillDatabase(db: Db, fill: Fill): Promise<number> {
  const started = performance.now();
  db.sqlite?.pragma('synchronous = OFF');
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
        endsAt: live ? fill.now + c * 5 * day : fill.now - c * day,
        translations: ['en', 'ar', 'tl'].map((locale) => ({ ...base, locale })),
      }),
      fill.now - 800 * day,
    );
  }
  for (const statement of fillStatements(db.dialect, fill)) await sql.raw(statement).execute(db.kysely);
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
  db.sqlite?.pragma('synchronous = FULL');
  return Math.round((performance.now() - started) / 1000);
}

export interface Timing {
  median: number;
  p95: number;
}

/** One warm-up call, then `runs` timed calls: median and p95 in ms. */
export async function time(runs: number, fn: () => Promise<unknown>): Promise<Timing> {
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

export const ms = (r: Timing) => `${r.median.toFixed(1)} ms (p95 ${r.p95.toFixed(1)})`;

/** Runs `measure` on a fresh SQLite file, then deletes it. */
export async function onSqlite(name: string, measure: (db: Db) => Promise<Row[]>): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), `outcry-bench-${name}-`));
  const db = openDb({ url: `sqlite:${join(dir, `${name}.db`)}` });
  try {
    return await measure(db);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs `measure` in a fresh schema of BENCH_DATABASE_URL, TEST_DATABASE_URL or the local test cluster, then
 * drops it; one "skipped" row when no PostgreSQL answers.
 */
export async function onPostgres(name: string, measure: (db: Db) => Promise<Row[]>): Promise<Row[]> {
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
      { scenario: `${name} (PostgreSQL)`, ours: 'skipped', baseline: '—', ratio: '—', notes: String(error) },
    ];
  }
  await admin.query(`create schema ${schema}`);
  const db = openDb({ url, searchPath: schema, poolSize: 4 });
  try {
    return await measure(db);
  } finally {
    await db.close();
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
