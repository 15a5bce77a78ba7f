// TRUST_PROXY takes a hop count or the proxies' addresses; `true`, which believed any header, is refused.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const trust = (value?: string) => loadConfig(value === undefined ? {} : { TRUST_PROXY: value }).TRUST_PROXY;

describe('TRUST_PROXY', () => {
  it('is off unless set', () => {
    expect(trust()).toBe(false);
    expect(trust('false')).toBe(false);
    expect(trust('0')).toBe(false);
  });

  it('takes a hop count or addresses and ranges of proxies', () => {
    expect(trust('1')).toBe(1);
    expect(trust('2')).toBe(2);
    expect(trust('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(trust('10.0.0.0/8, ::1, fd00::/8,loopback')).toEqual([
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
      'loopback',
    ]);
  });

  it('refuses true and anything that is not an address, naming the problem', () => {
    for (const value of ['true', 'yes', '10.0.0.0/33', 'proxy.example.org', '1.2.3.4/8/8', '::1/129']) {
      try {
        trust(value);
        expect.unreachable(value);
      } catch (error) {
        expect(error, value).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems.join('\n'), value).toMatch(/^TRUST_PROXY: /);
      }
    }
  });
});
