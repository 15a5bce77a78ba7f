// The live counter over a real socket: an open Server-Sent Events stream receives the new total, in the
// page's language, after a signature commits.
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../test/app-per-test.js';
import { testDialects } from '../../../test/db.js';
import { buildSignCommand } from '../../../test/factories.js';
import { erlan } from '../../../test/sign-helpers.js';
import type { TestApp } from '../../../test/test-app.js';
import { streamsPerClient } from '../live/live-counters.js';

async function readEvents(url: string, want: number): Promise<{ total: number; text: string }[]> {
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: { total: number; text: string }[] = [];
  let buffer = '';
  while (events.length < want) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').find((l) => l.startsWith('data: '));
      if (data) events.push(JSON.parse(data.slice(6)));
      cut = buffer.indexOf('\n\n');
    }
  }
  await reader.cancel();
  return events;
}

describe.each(testDialects)('live counter on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  appPerFile(dialect, async (app) => {
    t = app;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });

  it('serves the total as JSON', async () => {
    const res = await t.app.inject({ url: `/api/campaigns/${erlan}/count` });
    expect(res.json()).toEqual({ slug: erlan, total: 0, goal: 10_000 });
    expect((await t.app.inject({ url: '/api/campaigns/nope/count' })).statusCode).toBe(404);
  });

  it('pushes a committed signature to an open stream within the debounce window', async () => {
    const campaign = await t.services.campaigns.findBySlug(erlan);
    const events = readEvents(`${base}/api/campaigns/${erlan}/events?locale=tl`, 2);
    // Let the stream subscribe before the signature commits.
    await expect.poll(() => t.services.live.streams).toBe(1);
    await t.services.writer.record(buildSignCommand(campaign!.id, { status: 'confirmed' }));
    const [initial, updated] = await events;
    // The demo campaign has a goal of 10,000: its sentence comes along, for the bar's name.
    expect(initial).toEqual({ total: 0, text: 'Maging una sa paglagda', goalText: '0 sa 10,000 na lagda' });
    expect(updated).toEqual({ total: 1, text: '1 tao ang lumagda', goalText: '1 sa 10,000 na lagda' });
  });

  it('gives one client network its share of streams, and the place back when a stream closes', async () => {
    const url = `${base}/api/campaigns/${erlan}/events`;
    const open = await Promise.all(Array.from({ length: streamsPerClient }, () => fetch(url)));
    try {
      expect(open.every((r) => r.status === 200)).toBe(true);
      const refused = await fetch(url);
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('30');
      await open.pop()!.body!.cancel();
      await expect.poll(() => t.services.live.streams).toBe(streamsPerClient - 1);
      const again = await fetch(url);
      expect(again.status).toBe(200);
      open.push(again);
    } finally {
      await Promise.all(open.map((r) => r.body?.cancel()));
    }
    await expect.poll(() => t.services.live.streams).toBe(0);
  });
});
