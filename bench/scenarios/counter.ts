// Counter lag: while signing at 5,000/s (immediate mode: each signature counts at once), how long after a
// signature is acknowledged (its commit is done before the 303 leaves) the total on an open Server-Sent
// Events stream includes it. The k-th acknowledged signature shows when an event's total first reaches
// start + k; lag = that event's arrival − the k-th acknowledgement, both taken on this process's clock.
import { fmt, latencies } from '../lib/load.js';
import { startOutcryServer } from '../lib/processes.js';
import type { Row } from '../lib/table.js';
import {
  agedFormToken,
  connections,
  durationS,
  measure,
  prepareDatabase,
  signRequests,
  slug,
  sqliteFile,
} from './common.js';
import { offeredRate } from './sign.js';

interface CounterEvent {
  at: number;
  total: number;
}

async function openStream(url: string, events: CounterEvent[]): Promise<AbortController> {
  const abort = new AbortController();
  const res = await fetch(url, { signal: abort.signal, headers: { accept: 'text/event-stream' } });
  if (!res.ok || !res.body) throw new Error(`SSE stream answered ${res.status}`);
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data)
            events.push({ at: performance.now(), total: (JSON.parse(data) as { total: number }).total });
        }
      }
    } catch {
      // aborted at the end of the run
    }
  })();
  return abort;
}

export async function counterScenario(): Promise<Row[]> {
  const file = sqliteFile('counter');
  await (await prepareDatabase(`sqlite:${file}`, { immediate: true })).close();
  const server = await startOutcryServer(4105, `sqlite:${file}`);
  try {
    const token = await agedFormToken(server.url);
    const events: CounterEvent[] = [];
    const stream = await openStream(`${server.url}/api/campaigns/${slug}/events?locale=en`, events);
    while (events.length === 0) await new Promise((r) => setTimeout(r, 10));
    const start = events[0]!.total;
    const acks: number[] = [];
    const load = await measure(server.pid, {
      url: server.url,
      durationS,
      connections,
      rate: offeredRate,
      requests: signRequests(token, 'counter', (status) => {
        if (status === 303) acks.push(performance.now());
      }),
      okStatuses: [303],
    });
    await new Promise((r) => setTimeout(r, 2_000)); // the last events
    stream.abort();
    const lags: number[] = [];
    let missing = 0;
    let e = 0;
    for (const [i, ackedAt] of acks.entries()) {
      while (e < events.length && events[e]!.total - start < i + 1) e++;
      if (e === events.length) {
        missing++;
        continue;
      }
      lags.push(Math.max(0, events[e]!.at - ackedAt));
    }
    const lag = latencies(lags);
    return [
      {
        scenario: `counter lag, signing at ${offeredRate}/s (${durationS} s)`,
        ours: `lag p50 ${lag.p50} p99 ${lag.p99} max ${lag.max} ms`,
        baseline: '—',
        ratio: '—',
        notes: `${acks.length} signatures, ${events.length} events on one stream, ${missing} never shown; signing ${load.perSecond}/s ${fmt(load)}`,
      },
    ];
  } finally {
    await server.stop();
  }
}
