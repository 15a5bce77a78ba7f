import { describe, expect, it } from 'vitest';
import { ipKey, networkOf } from './ip-key.js';

describe('ip keys', () => {
  it('group IPv6 by /64 and unwrap IPv4-mapped addresses', () => {
    expect(networkOf('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(networkOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(networkOf('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(networkOf('not an ip')).toBe('unknown');
  });

  it('hash with the secret, never exposing the address', () => {
    const k = ipKey('s'.repeat(40), '192.0.2.7');
    expect(k).not.toContain('192');
    expect(k).toBe(ipKey('s'.repeat(40), '::ffff:192.0.2.7'));
    expect(k).not.toBe(ipKey('t'.repeat(40), '192.0.2.7'));
    expect(ipKey('s'.repeat(40), '2001:db8:1:2::1')).toBe(ipKey('s'.repeat(40), '2001:db8:1:2:ffff::9'));
  });
});
