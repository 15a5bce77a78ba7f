// The per-network share of live streams: a network gets its share and no more, a place given back is free
// again (once, however often the stream's close runs), and other networks are not affected.
import { describe, expect, it } from 'vitest';
import { LiveCounters } from './live-counters.js';

describe('LiveCounters.admit', () => {
  it('holds each client network to its share of streams', () => {
    const live = new LiveCounters(async () => new Map(), { maxPerClient: 2 });
    const a1 = live.admit('network-a');
    const a2 = live.admit('network-a');
    expect(a1 && a2).toBeDefined();
    expect(live.admit('network-a')).toBeUndefined();
    expect(live.admit('network-b')).toBeDefined();
    a1!();
    a1!();
    expect(live.admit('network-a')).toBeDefined();
    expect(live.admit('network-a')).toBeUndefined();
    live.close();
  });
});
