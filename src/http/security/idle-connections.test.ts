// Idle connections must not stop signing (issue 19, item 2): 130 sockets that send a sign POST's head with
// `Content-Length: 60000` and then nothing took every place of the in-flight bound, and every supporter got
// 503. Now a place is held only once a body has arrived, a body has a deadline after which the connection
// is answered 408 and closed, and one public network holds at most a few requests. Real sockets on
// loopback (not bounded per network: it stands for a proxy); the per-network bound through inject().
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { FakeClock } from '../../../test/fake-clock.js';
import { idleBody, postForm } from '../../../test/raw-http.js';
import { ana, erlan, formBody, formToken, postSign, signAtOnce } from '../../../test/sign-helpers.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { maxSigningPerNetwork } from '../public/campaign/campaign.route.js';

describe.each(testDialects)('idle connections on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let port: number;
  const signUrl = `/en/campaigns/${erlan}/sign`;
  beforeEach(async () => {
    clock = new FakeClock();
    t = await createTestApp(dialect, {}, { clock, bodyLimits: { deadlineMs: 1_500 } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterEach(async () => t.close());

  it('lets supporters sign while 130 connections hold a sign POST without its body', async () => {
    const idle = Array.from({ length: 130 }, () => idleBody(port, signUrl, 60_000));
    await Promise.all(idle.map((c) => c.opened));
    // Every head has been read once a request on a later connection has been answered.
    await postForm(port, '/healthz-probe', '', '127.0.2.1');

    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const signed = await postForm(port, signUrl, formBody({ token, ...ana }), '127.0.1.1');
    expect(signed.status).toBe(303);
    expect(signed.location).toMatch(`/en/campaigns/${erlan}/thanks`);
    // Each idle connection is answered 408 at the body deadline and closed.
    const outcomes = await Promise.all(idle.map((c) => c.outcome));
    expect(new Set(outcomes)).toEqual(new Set(['408']));
  });

  it('lets one public network hold only a few sign requests at once', async () => {
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const extra = 8;
    const oneNetwork = (i: number) => `203.0.113.${i + 1}`;
    const answers = await signAtOnce(t.app, 'en', token, maxSigningPerNetwork + extra, 'p', oneNetwork);
    expect(answers.filter((a) => a.statusCode === 503)).toHaveLength(extra);
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(maxSigningPerNetwork);
    // Other networks are not affected, and the network has its places back once answered.
    for (const [email, address] of [
      ['q@example.org', '198.51.100.9'],
      ['r@example.org', '203.0.113.99'],
    ] as const) {
      const later = await postSign(t.app, 'en', { token, ...ana, email }, erlan, address);
      expect(later.statusCode, address).toBe(303);
    }
  });
});
