import { describe, expect, it } from 'vitest';
import { clientNetwork, clientNetworkKey } from './client-network.js';

describe('client networks', () => {
  it('group IPv4 by /24 and IPv6 by /64, unwrapping mapped addresses', () => {
    expect(clientNetwork('192.0.2.7')).toBe('192.0.2.0/24');
    expect(clientNetwork('::ffff:192.0.2.200')).toBe('192.0.2.0/24');
    expect(clientNetwork('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('nonsense')).toBe('unknown');
  });

  it('are kept as a keyed hash that names no address', () => {
    const secret = 's'.repeat(40);
    const key = clientNetworkKey(secret, '192.0.2.7');
    expect(key).toBe(clientNetworkKey(secret, '192.0.2.99'));
    expect(key).toBe(clientNetworkKey(secret, '::ffff:192.0.2.1'));
    expect(key).not.toBe(clientNetworkKey(secret, '192.0.3.7'));
    expect(key).not.toBe(clientNetworkKey('t'.repeat(40), '192.0.2.7'));
    expect(key).not.toContain('192');
    expect(clientNetworkKey(secret, '2001:db8:1:2::1')).toBe(
      clientNetworkKey(secret, '2001:db8:1:2:ffff::9'),
    );
  });

  it('name no network for loopback, private and unknown addresses (a proxy or a LAN)', () => {
    const secret = 's'.repeat(40);
    for (const ip of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '10.1.2.3',
      '172.17.0.1',
      '192.168.1.5',
      'fd00::1',
      'fe80::1',
      'x',
    ]) {
      expect(clientNetworkKey(secret, ip), ip).toBeUndefined();
    }
  });
});
