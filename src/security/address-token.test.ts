// Address-change links: they name the person and the new address, expire, cannot be forged or moved to
// another person or address, and stop working once the person's address is no longer the one they were
// made from.
import { describe, expect, it } from 'vitest';
import { addressTokens } from './address-token.js';

const tokens = addressTokens('test-secret');
const change = {
  supporterId: 42,
  fromCanonical: 'old@example.org',
  address: 'Néw@example.org',
  expiresAt: 1_000_000,
};

describe('address-change tokens', () => {
  it('carry the person, the new address and the expiry, and verify against the old address', () => {
    const token = tokens.issue(change);
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/);
    expect(tokens.read(token)).toEqual({ supporterId: 42, address: 'Néw@example.org', expiresAt: 1_000_000 });
    expect(tokens.verify(token, 'old@example.org')).toBe(true);
    expect(tokens.verify(token, 'new@example.org')).toBe(false);
  });

  it('refuse another secret, another person, another address, a truncated or reshaped token', () => {
    const token = tokens.issue(change);
    expect(addressTokens('other-secret').verify(token, 'old@example.org')).toBe(false);
    const [id, exp, addr, mac] = token.split('.');
    expect(tokens.verify(`43.${exp}.${addr}.${mac}`, 'old@example.org')).toBe(false);
    const evil = Buffer.from('evil@example.org').toString('base64url');
    expect(tokens.verify(`${id}.${exp}.${evil}.${mac}`, 'old@example.org')).toBe(false);
    expect(tokens.verify(`${id}.zzzz.${addr}.${mac}`, 'old@example.org')).toBe(false);
    expect(tokens.verify(token.slice(0, -1), 'old@example.org')).toBe(false);
    expect(tokens.read('not a token')).toBeNull();
    expect(tokens.read(`${'@'.repeat(5_000)}`)).toBeNull();
  });
});
