// Overload: twice the measured sign capacity offered for 20 s (open model, enough connections to offer it).
// The excess must be answered 503 with Retry-After within 50 ms, the accepted ones keep their latency, and
// memory stays bounded (peak RSS printed).
import { fmt, type Latencies } from '../lib/load.js';
import { startOutcryServer } from '../lib/processes.js';
import type { Row } from '../lib/table.js';
import {
  agedFormToken,
  cpuNote,
  measure,
  measuredSoFar,
  prepareDatabase,
  signRequests,
  sqliteFile,
} from './common.js';

const overloadS = Number(process.env.BENCH_OVERLOAD_DURATION ?? 20);
const overloadConnections = Number(process.env.BENCH_OVERLOAD_CONNECTIONS ?? 512);

export async function overloadScenario(): Promise<Row[]> {
  // Twice what the sign scenario measured in this run (or BENCH_OVERLOAD_RATE when it did not run).
  const capacity = measuredSoFar.signPerSecond ?? Number(process.env.BENCH_OVERLOAD_RATE ?? 5_000) / 2;
  const rate = Math.round(2 * capacity);
  const file = sqliteFile('overload');
  await (await prepareDatabase(`sqlite:${file}`)).close();
  const server = await startOutcryServer(4107, `sqlite:${file}`);
  try {
    const token = await agedFormToken(server.url);
    let withoutRetryAfter = 0;
    const load = await measure(server.pid, {
      url: server.url,
      durationS: overloadS,
      connections: overloadConnections,
      rate,
      requests: signRequests(token, 'over', (status, headers) => {
        if (status === 503 && !headers['retry-after']) withoutRetryAfter++;
      }),
      okStatuses: [303, 503],
    });
    const none: Latencies = { count: 0, p50: 0, p99: 0, max: 0 };
    const accepted = load.byStatus.get(303) ?? none;
    const shed = load.byStatus.get(503) ?? none;
    const other = load.requests - accepted.count - shed.count;
    return [
      {
        scenario: `overload, ${rate}/s offered (2× ${Math.round(capacity)}/s, ${overloadS} s, ${overloadConnections} conn)`,
        ours: `accepted ${Math.round(accepted.count / overloadS)}/s ${fmt(accepted)}`,
        baseline: '—',
        ratio: '—',
        notes: `503: ${Math.round(shed.count / overloadS)}/s ${fmt(shed)}, ${withoutRetryAfter} without Retry-After; other ${other}, errors ${load.errors}; ${cpuNote(load)}; peak RSS ${load.peakRss ?? '?'} MB`,
      },
    ];
  } finally {
    await server.stop();
  }
}
