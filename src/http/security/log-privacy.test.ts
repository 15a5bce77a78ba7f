// The request log holds no client address and no secret from a URL (issue 19, item 5): the log lines of a
// sign POST, a confirm link, a status link and the editor's token links are read back and searched.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { FakeClock } from '../../../test/fake-clock.js';
import { ana, formToken, postSign } from '../../../test/sign-helpers.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { maskText, maskUrl } from './log-privacy.js';

describe('maskUrl', () => {
  it.each([
    ['/tl/confirm/abcDEF123_-xyz', '/tl/confirm/***'],
    ['/en/status/42.abcdefghijklmnopqrstuv?x=1', '/en/status/***?x=1'],
    ['/editor/login/link/tok', '/editor/login/link/***'],
    ['/editor/reset/tok/', '/editor/reset/***/'],
    ['/editor/invitation/tok', '/editor/invitation/***'],
    ['/en/campaigns/erlan?src=mail&token=abc&_csrf=def', '/en/campaigns/erlan?src=mail&token=***&_csrf=***'],
    ['/en/campaigns/erlan/sign', '/en/campaigns/erlan/sign'],
  ])('masks a secret-bearing segment or query value in %s, nothing else', (url, masked) => {
    expect(maskUrl(url)).toBe(masked);
  });

  it('masks a secret-bearing path quoted in a message', () => {
    expect(maskText("'/en/confirm/abc%' is not a valid url component")).toBe(
      "'/en/confirm/*** is not a valid url component",
    );
  });

  it('stays linear on long hostile input', () => {
    const long = `/confirm/${'a/'.repeat(20_000)}?${'token=&'.repeat(20_000)}`;
    expect(maskUrl(long)).toContain('/confirm/***/');
  });
});

describe.each(testDialects)('request log on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  const lines: string[] = [];
  beforeEach(async () => {
    lines.length = 0;
    clock = new FakeClock();
    t = await createTestApp(dialect, {}, { clock, log: { write: (line) => void lines.push(line) } });
  });
  afterEach(async () => t.close());

  it('logs requests with their status but no IP and no token', async () => {
    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    const signed = await postSign(t.app, 'en', { token, ...ana });
    expect(signed.statusCode).toBe(303);
    const secrets = [
      'Q2xhc3NpZmllZFRva2VuMTIzNDU2Nzg5',
      '17.abcdefghijklmnopqrstuv',
      'bG9naW4tbGluay10b2tlbi0xMjM0NTY3',
      'cmVzZXQtdG9rZW4tMTIzNDU2Nzg5MDEy',
      'aW52aXRlLXRva2VuLTEyMzQ1Njc4OTAx',
    ];
    const visits = [
      `/en/confirm/${secrets[0]}`,
      `/tl/status/${secrets[1]}`,
      `/editor/login/link/${secrets[2]}`,
      `/editor/reset/${secrets[3]}`,
      `/editor/invitation/${secrets[4]}`,
      // A malformed URL: Fastify's error message quotes it.
      `/en/confirm/${secrets[0]}%`,
    ];
    for (const url of visits) {
      const res = await t.app.inject({ url, remoteAddress: '203.0.113.77' });
      expect(res.statusCode, url).toBeLessThan(500);
    }
    const confirm = await t.app.inject({
      method: 'POST',
      url: `/en/confirm/${secrets[0]}`,
      headers: { 'x-forwarded-for': '192.0.2.99' },
      remoteAddress: '203.0.113.77',
    });
    expect(confirm.statusCode).toBeLessThan(500);

    const log = lines.join('');
    expect(log).toContain('"url":"/en/campaigns/kazakhstan-free-erlan-baltabay/sign"');
    expect(log).toContain('"url":"/en/confirm/***"');
    expect(log).toContain('"statusCode":303');
    for (const ip of ['198.51.100.7', '203.0.113.77', '192.0.2.99', '127.0.0.1'])
      expect(log).not.toContain(ip);
    expect(log).not.toContain('remoteAddress');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain(ana.email);
  });
});
