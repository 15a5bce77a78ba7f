// Signing on PostgreSQL through the real form endpoint, against pgbench running the equivalent insert (the
// same supporter upsert, pending signature and confirmation job, one transaction per signature, many
// clients) on the same schema. Skipped, saying why, when pgbench or the cluster is not there.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fmt } from '../lib/load.js';
import { startOutcryServer } from '../lib/processes.js';
import { type Row, ratio } from '../lib/table.js';
import {
  agedFormToken,
  connections,
  countRows,
  cpuNote,
  durationS,
  measure,
  prepareDatabase,
  signRequests,
  slug,
} from './common.js';

const url =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://outcry:outcry@127.0.0.1:5432/outcry_test';
const pgbenchClients = Number(process.env.BENCH_PGBENCH_CLIENTS ?? 16);

function findPgbench(): string | undefined {
  for (const candidate of ['/usr/lib/postgresql/15/bin/pgbench', '/usr/lib/postgresql/16/bin/pgbench']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v pgbench'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : undefined;
}

const skipped = (why: string): Row[] => [
  { scenario: 'sign, PostgreSQL', ours: 'skipped', baseline: '—', ratio: '—', notes: why },
];

const pgbenchScript = `\\set r random(1, 1000000000000)
BEGIN;
INSERT INTO supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
  VALUES ('pgb-' || :client_id || '-' || :r || '@bench.example.org', 'pgb-' || :client_id || '-' || :r || '@bench.example.org', 'Supporter', 'en', 'BR', 'Bench Union', 1, 1)
  ON CONFLICT (email_index) DO UPDATE SET updated_at = excluded.updated_at RETURNING id AS sid \\gset
INSERT INTO signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status, confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
  VALUES (:cid, :sid, 'en', 'Supporter', 'Bench Union', 'BR', 'Free Erlan Baltabay now. Free all jailed trade unionists.', NULL, 'pending', md5(:r::text) || md5(:sid::text), 'ip', 1, NULL, 1)
  ON CONFLICT (campaign_id, supporter_id) DO NOTHING RETURNING id AS gid \\gset
INSERT INTO jobs (kind, payload, status, max_attempts, run_at, created_at, updated_at)
  VALUES ('send-signature-mail', '{"signatureId":' || :gid || ',"mail":"confirm","token":"' || md5(:r::text) || '"}', 'queued', 10, 1, 1, 1);
END;
`;

export async function postgresScenario(): Promise<Row[]> {
  const pgbench = findPgbench();
  if (!pgbench)
    return skipped('pgbench not found (Debian: apt-get install postgresql-15 or postgresql-contrib)');
  const admin = new pg.Client({ connectionString: url });
  try {
    await admin.connect();
  } catch (error) {
    return skipped(
      `no PostgreSQL at ${url.replace(/:[^:@/]*@/, ':***@')} (${(error as Error).message}); set BENCH_DATABASE_URL or run scripts/ci/setup-postgres.sh`,
    );
  }
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  try {
    const db = await prepareDatabase(url, { searchPath: schema });
    const campaignId = (
      await db.kysely.selectFrom('campaigns').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
    ).id;
    const appUrl = new URL(url);
    appUrl.searchParams.set('options', `-c search_path=${schema}`);
    const server = await startOutcryServer(4109, appUrl.toString());
    let ours: Awaited<ReturnType<typeof measure>>;
    try {
      const token = await agedFormToken(server.url);
      ours = await measure(server.pid, {
        url: server.url,
        durationS,
        connections,
        requests: signRequests(token, 'pg'),
        okStatuses: [303],
      });
    } finally {
      await server.stop();
    }
    const stored = await countRows(db, 'signatures');
    await db.close();

    const script = join(mkdtempSync(join(tmpdir(), 'outcry-pgbench-')), 'sign.sql');
    writeFileSync(script, pgbenchScript);
    const target = new URL(url);
    const run = spawnSync(
      pgbench,
      [
        '-n',
        '-h',
        target.hostname,
        '-p',
        target.port || '5432',
        '-U',
        decodeURIComponent(target.username),
        '-c',
        String(pgbenchClients),
        '-j',
        '2',
        '-T',
        String(durationS),
        '-D',
        `cid=${campaignId}`,
        '-f',
        script,
        target.pathname.slice(1),
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          PGPASSWORD: decodeURIComponent(target.password),
          PGOPTIONS: `-c search_path=${schema}`,
        },
      },
    );
    const tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? Number.NaN);
    const latency = /latency average = ([\d.]+) ms/.exec(run.stdout)?.[1];
    if (!Number.isFinite(tps)) throw new Error(`pgbench failed: ${run.stderr || run.stdout}`);
    return [
      {
        scenario: `sign, PostgreSQL (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s ${fmt(ours)}`,
        baseline: `pgbench ${Math.round(tps)}/s (${pgbenchClients} clients, avg ${latency} ms)`,
        ratio: ratio(ours.perSecond, tps),
        notes: `non-2xx/3xx ${ours.non2xx}, errors ${ours.errors}; stored ${stored}; ${cpuNote(ours)}; peak RSS ${ours.peakRss ?? '?'} MB`,
      },
    ];
  } finally {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  }
}
