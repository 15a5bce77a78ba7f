import { describe, expect, it } from 'vitest';
import {
  bounceAddress,
  parseBounceAddress,
  parseRecipientBounceAddress,
  recipientBounceAddress,
} from './bounce-address.js';

describe('bounce addresses', () => {
  const secret = 'x'.repeat(40);
  it('round-trip a message id on our domain', () => {
    const a = bounceAddress(12345, secret, 'campaigns@outcry.example.org');
    expect(a).toMatch(/^bounces\+12345-[a-z0-9_-]{12}@outcry\.example\.org$/);
    expect(parseBounceAddress(a, secret)).toBe(12345);
  });
  it('refuse a forged or altered address', () => {
    const a = bounceAddress(7, secret, 'c@o.org');
    expect(parseBounceAddress(a.replace('+7-', '+8-'), secret)).toBeNull();
    expect(parseBounceAddress(a, 'y'.repeat(40))).toBeNull();
    expect(parseBounceAddress('someone@o.org', secret)).toBeNull();
  });
  it('keep mailing recipients and target messages apart', () => {
    const r = recipientBounceAddress(7, secret, 'c@o.org');
    expect(r).toMatch(/^bounces\+r7-[a-z0-9_-]{12}@o\.org$/);
    expect(parseRecipientBounceAddress(r, secret)).toBe(7);
    expect(parseBounceAddress(r, secret)).toBeNull();
    expect(parseRecipientBounceAddress(bounceAddress(7, secret, 'c@o.org'), secret)).toBeNull();
    expect(parseRecipientBounceAddress(r.replace('+r7-', '+r8-'), secret)).toBeNull();
  });
});
