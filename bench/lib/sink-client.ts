// The benchmark driver's side of the SMTP sink (sink-server.ts): how many messages arrived and over how
// long, emptying it between runs, and the check every mail benchmark makes: each message arrived exactly
// once, with a Message-ID.

export interface SinkClient {
  ask<T>(path: string): Promise<T>;
  /** Messages so far and the seconds from the first to the last. */
  count(): Promise<{ count: number; seconds: number }>;
  reset(): Promise<void>;
  /** Throws unless `n` distinct messages arrived (at least `n` with `atLeast`), each exactly once. */
  checkExactlyOnce(n: number, who: string, opts?: { atLeast?: boolean }): Promise<void>;
}

export function sinkClient(httpPort: number): SinkClient {
  const ask = async <T>(path: string): Promise<T> => {
    // Once more on a failed fetch: after a long quiet spell (a big queue being written) the server may
    // close its idle keep-alive connection just as the next request goes out on it.
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await fetch(`http://127.0.0.1:${httpPort}${path}`);
        return (await res.json()) as T;
      } catch (error) {
        if (attempt > 0) throw error;
      }
    }
  };
  const count = () => ask<{ count: number; seconds: number }>('/count');
  return {
    ask,
    count,
    reset: async () => {
      await ask('/reset');
    },
    async checkExactlyOnce(n, who, opts = {}) {
      const { count: arrived } = await count();
      const ids = await ask<{ distinct: number; withoutId: number; repeated: Record<string, number> }>(
        '/ids',
      );
      const repeated = Object.keys(ids.repeated).length;
      const enough = opts.atLeast ? arrived >= n : arrived === n;
      if (!enough || ids.distinct !== arrived || ids.withoutId > 0 || repeated > 0) {
        throw new Error(
          `${who}: ${arrived} messages arrived for ${n} sent, ${ids.distinct} distinct Message-IDs, ` +
            `${ids.withoutId} without one, ${repeated} more than once`,
        );
      }
    },
  };
}
