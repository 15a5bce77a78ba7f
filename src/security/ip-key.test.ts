import { describe, expect, it } from 'vitest';
import { ipKey, networkOf } from './ip-key.js';

describe('ip keys', () => {
  // IPv6 by /64, IPv4-mapped addresses unwrapped.
  it.each([
    { address: '2001:db8:1:2:aaaa::1', network: '2001:db8:1:2::/64' },
    { address: '2001:0db8:0001:0002:ffff:ffff:ffff:ffff', network: '2001:db8:1:2::/64' },
    { address: '2001:db8::1', network: '2001:db8:0:0::/64' },
    { address: '::ffff:192.0.2.7', network: '192.0.2.7' },
    { address: 'not an ip', network: 'unknown' },
  ])('group $address into $network', ({ address, network }) => {
    expect(networkOf(address)).toBe(network);
  });

  it('hash with the secret, never exposing the address', () => {
    const k = ipKey('s'.repeat(40), '192.0.2.7');
    expect(k).not.toContain('192');
    expect(k).toBe(ipKey('s'.repeat(40), '::ffff:192.0.2.7'));
    expect(k).not.toBe(ipKey('t'.repeat(40), '192.0.2.7'));
    expect(ipKey('s'.repeat(40), '2001:db8:1:2::1')).toBe(ipKey('s'.repeat(40), '2001:db8:1:2:ffff::9'));
  });
});
