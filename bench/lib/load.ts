// Load generation with autocannon (a maintained tool, not a hand-written loop), reduced to the figures
// the tables print.
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
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
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({
    url: options.url,
    duration: options.durationS,
    connections: options.connections,
    pipelining: 1,
    ...(options.rate ? { overallRate: options.rate } : {}),
    ...(options.requests ? { requests: options.requests } : {}),
  });
  const codes = result.statusCodeStats as Record<string, { count: number }> | undefined;
  let bad = 0;
  for (const [code, { count }] of Object.entries(codes ?? {})) {
    const c = Number(code);
    if (!(c >= 200 && c < 300) && !(options.okStatuses ?? []).includes(c)) bad += count;
  }
  return {
    requests: result.requests.total,
    perSecond: Math.round(result.requests.total / options.durationS),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: bad,
    errors: result.errors + result.timeouts,
  };
}
