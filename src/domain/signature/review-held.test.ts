// The review rules on their own: which reason a held signature most likely had, and what a release does
// with it in each confirmation mode.
import { describe, expect, it } from 'vitest';
import { type HeldSignature, likelyReason, releasePlan } from './review-held.js';

const limits = { ipPerHour: 30, domainPerHour: 500 };
const held = (over: Partial<HeldSignature> = {}): HeldSignature => ({
  id: 1,
  createdAt: 0,
  name: 'Ana Souza',
  country: 'BR',
  union: 'CUT',
  locale: 'pt',
  emailDomain: 'example.org',
  network: 'net-a',
  networkLastHour: 1,
  domainLastHour: 1,
  networkHeld: 1,
  ...over,
});

describe('likelyReason', () => {
  it('names the network limit first, then the email-domain limit, else the form check', () => {
    expect(likelyReason(held({ networkLastHour: 31, domainLastHour: 501 }), limits)).toBe('network');
    expect(likelyReason(held({ networkLastHour: 30, domainLastHour: 501 }), limits)).toBe('email_domain');
    expect(likelyReason(held({ networkLastHour: 30, domainLastHour: 500 }), limits)).toBe('form');
    // Without a network (no address was known) only the other two remain.
    expect(likelyReason(held({ network: null, networkLastHour: 99 }), limits)).toBe('form');
  });
});

describe('releasePlan', () => {
  const tokens = { confirmationToken: () => ({ token: 'fresh-token', hash: 'fresh-hash' }) };
  const hour = 3_600_000;

  it('counts at once where the campaign does not ask for confirmation', () => {
    expect(releasePlan('immediate', 0, 10 * hour, tokens)).toEqual({ status: 'confirmed' });
  });

  it('waits for confirmation otherwise, with a fresh link once the last is an hour old', () => {
    const fresh = { token: 'fresh-token', hash: 'fresh-hash' };
    expect(releasePlan('confirm_first', 9 * hour, 10 * hour, tokens)).toEqual({
      status: 'pending',
      confirmation: fresh,
    });
    expect(releasePlan('confirm_first', 9 * hour + 1, 10 * hour, tokens)).toEqual({
      status: 'pending',
      confirmation: null,
    });
    expect(releasePlan('confirm_first', null, 10 * hour, tokens)).toEqual({
      status: 'pending',
      confirmation: fresh,
    });
  });
});
