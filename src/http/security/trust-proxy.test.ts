// Whose address a request has when X-Forwarded-For is present (issue 19, item 9): TRUST_PROXY=true took the
// left-most entry, which the client writes, so every per-network limit could be dodged. With a hop count or
// the proxy's addresses only what our proxy appended is believed. Observed through what the database
// keeps: the keyed hash of the signer's network.
import { afterEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { FakeClock } from '../../../test/fake-clock.js';
import { ana, erlan, formBody, formToken } from '../../../test/sign-helpers.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { ipKey } from '../../security/ip-key.js';

describe.each(testDialects)('X-Forwarded-For on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => t?.close());

  /** Signs once from `peer` with the given header; answers the network hash the signature was stored with. */
  async function signedFrom(env: Record<string, string>, peer: string, forwarded: string) {
    const clock = new FakeClock();
    t = await createTestApp(dialect, env, { clock });
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const res = await t.app.inject({
      method: 'POST',
      url: `/en/campaigns/${erlan}/sign`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwarded },
      payload: formBody({ token, ...ana }),
      remoteAddress: peer,
    });
    expect(res.statusCode).toBe(303);
    const row = await t.db.kysely
      .selectFrom('signatures')
      .select('ip_hash')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const secret = t.config.APP_SECRET;
    await t.close();
    t = undefined;
    return { hash: row.ip_hash, of: (ip: string) => ipKey(secret, ip) };
  }

  it('believes only the entry our one proxy appended (TRUST_PROXY=1)', async () => {
    const r = await signedFrom({ TRUST_PROXY: '1' }, '127.0.0.1', '6.6.6.6, 198.51.100.23');
    expect(r.hash).toBe(r.of('198.51.100.23'));
    expect(r.hash).not.toBe(r.of('6.6.6.6'));
  });

  it('ignores the header from a peer that is not the configured proxy', async () => {
    const r = await signedFrom({ TRUST_PROXY: '10.0.0.2' }, '203.0.113.5', '6.6.6.6');
    expect(r.hash).toBe(r.of('203.0.113.5'));
    const viaProxy = await signedFrom({ TRUST_PROXY: '10.0.0.2' }, '10.0.0.2', '6.6.6.6, 198.51.100.24');
    expect(viaProxy.hash).toBe(viaProxy.of('198.51.100.24'));
  });

  it('ignores the header when no proxy is configured', async () => {
    const r = await signedFrom({}, '203.0.113.6', '6.6.6.6');
    expect(r.hash).toBe(r.of('203.0.113.6'));
  });
});
