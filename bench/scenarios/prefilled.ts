// Signing after BENCH_PREFILL (default 5,000,000) signatures are already stored on the campaign: the same
// load as the sign scenario, against its empty-database figure from the same run (goal: within 25 %). The
// rows are put in with one bulk INSERT … SELECT over a recursive sequence (supporters, then their confirmed
// signatures and the matching count), on a connection without fsync, before the app starts.
import SQLite from 'better-sqlite3';
import { fmt } from '../lib/load.js';
import { startOutcryServer } from '../lib/processes.js';
import { type Row, ratio } from '../lib/table.js';
import {
  agedFormToken,
  connections,
  cpuNote,
  durationS,
  measure,
  measuredSoFar,
  prepareDatabase,
  signRequests,
  slug,
  sqliteFile,
} from './common.js';

const prefill = Number(process.env.BENCH_PREFILL ?? 5_000_000);

function bulkInsert(file: string, rows: number): number {
  const started = performance.now();
  const db = new SQLite(file);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const { id } = db.prepare('select id from campaigns where slug = ?').get(slug) as { id: number };
  const now = Date.now();
  db.transaction(() => {
    db.prepare(
      `with recursive seq(i) as (select 1 union all select i + 1 from seq where i < ?)
       insert into supporters (email, email_index, name, locale, country, union_name, created_at, updated_at)
       select 'prefill-' || i || '@bench.example.org', 'prefill-' || i || '@bench.example.org', 'Supporter ' || i,
              'en', 'BR', 'Bench Union', ?, ?
       from seq`,
    ).run(rows, now, now);
    db.prepare(
      `insert into signatures (campaign_id, supporter_id, locale, name, union_name, country, message, source, status,
         confirm_token_hash, ip_hash, created_at, confirmed_at, confirmation_sent_at)
       select ?, id, 'en', name, union_name, 'BR', 'Free Erlan Baltabay now. Free all jailed trade unionists.', null,
              'confirmed', null, 'prefill', created_at, created_at, null
       from supporters where email like 'prefill-%'`,
    ).run(id);
    db.prepare(
      `insert into counts (campaign_id, locale, country, source, status, n) values (?, 'en', 'BR', '', 'confirmed', ?)
       on conflict (campaign_id, locale, country, source, status) do update set n = counts.n + excluded.n`,
    ).run(id, rows);
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return Math.round((performance.now() - started) / 1000);
}

export async function prefilledScenario(): Promise<Row[]> {
  if (prefill <= 0) return [];
  const file = sqliteFile('prefilled');
  await (await prepareDatabase(`sqlite:${file}`)).close();
  console.error(`  prefilling ${prefill} signatures…`);
  const seconds = bulkInsert(file, prefill);
  const server = await startOutcryServer(4111, `sqlite:${file}`);
  try {
    const token = await agedFormToken(server.url);
    const ours = await measure(server.pid, {
      url: server.url,
      durationS,
      connections,
      requests: signRequests(token, 'full'),
      okStatuses: [303],
    });
    const empty = measuredSoFar.signPerSecond;
    return [
      {
        scenario: `sign after ${(prefill / 1e6).toFixed(1)}M signatures (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s ${fmt(ours)}`,
        baseline: empty ? `empty database ${empty}/s` : '—',
        ratio: empty ? ratio(ours.perSecond, empty) : '—',
        notes: `prefilled in ${seconds} s; non-2xx/3xx ${ours.non2xx}, errors ${ours.errors}; ${cpuNote(ours)}; peak RSS ${ours.peakRss ?? '?'} MB`,
      },
    ];
  } finally {
    await server.stop();
  }
}
