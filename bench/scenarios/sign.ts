// Signing through the real form endpoint on SQLite (synchronous=FULL): as fast as 64 connections go, against
// the bare baseline writing the same rows into the same schema, then at 5,000/s offered (the latency goal).

import { fmt } from '../lib/load.js';
import { startOutcryServer, startProcess } from '../lib/processes.js';
import { type Row, ratio } from '../lib/table.js';
import {
  agedFormToken,
  connections,
  countRows,
  cpuNote,
  durationS,
  measure,
  measuredSoFar,
  prepareDatabase,
  signRequests,
  slug,
  sqliteFile,
} from './common.js';

export const offeredRate = Number(process.env.BENCH_SIGN_RATE ?? 5_000);

export async function signScenario(): Promise<Row[]> {
  const file = sqliteFile('sign');
  const db = await prepareDatabase(`sqlite:${file}`);
  const server = await startOutcryServer(4101, `sqlite:${file}`);
  try {
    const token = await agedFormToken(server.url);
    const ours = await measure(server.pid, {
      url: server.url,
      durationS,
      connections,
      requests: signRequests(token, 'ours'),
      okStatuses: [303],
    });
    measuredSoFar.signPerSecond = ours.perSecond;
    const paced = await measure(server.pid, {
      url: server.url,
      durationS,
      connections,
      rate: offeredRate,
      requests: signRequests(token, 'paced'),
      okStatuses: [303],
    });
    const stored = await countRows(db, 'signatures');

    const baseFile = sqliteFile('sign-baseline');
    await (await prepareDatabase(`sqlite:${baseFile}`)).close();
    const baseline = await startProcess(
      ['bench/baselines/sign-sqlite.mjs'],
      { PORT: '4102', BASELINE_DB: baseFile, BASELINE_SLUG: slug },
      '/',
      4102,
    );
    let base: Awaited<ReturnType<typeof measure>>;
    try {
      base = await measure(baseline.pid, {
        url: baseline.url,
        durationS,
        connections,
        requests: signRequests(token, 'base'),
        okStatuses: [303],
      });
    } finally {
      await baseline.stop();
    }
    return [
      {
        scenario: `sign, SQLite FULL (${durationS} s, ${connections} conn)`,
        ours: `${ours.perSecond}/s ${fmt(ours)}`,
        baseline: `${base.perSecond}/s ${fmt(base)}`,
        ratio: ratio(ours.perSecond, base.perSecond),
        notes: `non-2xx/3xx ${ours.non2xx}, errors ${ours.errors}; ${cpuNote(ours)} vs ${cpuNote(base)}; peak RSS ${ours.peakRss ?? '?'} MB`,
      },
      {
        scenario: `sign at ${offeredRate}/s offered (${durationS} s)`,
        ours: `${paced.perSecond}/s ${fmt(paced)}`,
        baseline: '—',
        ratio: '—',
        notes: `non-2xx/3xx ${paced.non2xx}, errors ${paced.errors}; stored ${stored} of ${ours.requests - ours.non2xx + paced.requests - paced.non2xx} accepted; peak RSS ${paced.peakRss ?? '?'} MB`,
      },
    ];
  } finally {
    await server.stop();
    await db.close();
  }
}
