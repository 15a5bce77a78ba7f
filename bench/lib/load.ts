// Load generation with autocannon (a maintained tool, not a hand-written loop), reduced to the figures
// the tables print: overall, and per status code (the overload scenario tells 503s from accepted ones).
import autocannon from 'autocannon';

export interface Latencies {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export interface LoadResult extends Latencies {
  requests: number;
  perSecond: number;
  non2xx: number;
  errors: number;
  /** Latencies (ms) of the answers with each status code. */
  byStatus: Map<number, Latencies>;
}

export interface LoadOptions {
  url: string;
  durationS: number;
  connections: number;
  /** Requests per second to offer (open model); omitted = as fast as the server answers. */
  rate?: number;
  requests?: autocannon.Request[];
  /** Status codes that count as success besides 2xx (a sign POST answers 303). */
  okStatuses?: number[];
  /** Seconds without an answer before a request counts as a timeout. */
  timeoutS?: number;
}

export function latencies(values: number[]): Latencies {
  if (values.length === 0) return { count: 0, p50: 0, p99: 0, max: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const round = (v: number) => Math.round(v * 10) / 10;
  return { count: sorted.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(sorted.at(-1)!) };
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const times = new Map<number, number[]>();
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        duration: options.durationS,
        connections: options.connections,
        pipelining: 1,
        timeout: options.timeoutS ?? 10,
        ...(options.rate ? { overallRate: options.rate } : {}),
        ...(options.requests ? { requests: options.requests } : {}),
      },
      (error, result) => {
        if (error) return reject(error);
        let bad = 0;
        const all: number[] = [];
        const byStatus = new Map<number, Latencies>();
        for (const [code, values] of times) {
          if (!(code >= 200 && code < 300) && !(options.okStatuses ?? []).includes(code))
            bad += values.length;
          byStatus.set(code, latencies(values));
          for (const v of values) all.push(v);
        }
        resolve({
          ...latencies(all),
          requests: result.requests.total,
          perSecond: Math.round(result.requests.total / options.durationS),
          non2xx: bad,
          errors: result.errors + result.timeouts,
          byStatus,
        });
      },
    );
    instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
      const list = times.get(status);
      if (list) list.push(ms);
      else times.set(status, [ms]);
    });
  });
}

export const fmt = (l: Latencies): string => `p50 ${l.p50} p99 ${l.p99} max ${l.max} ms`;
