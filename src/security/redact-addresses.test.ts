// Addresses in error texts: replaced wherever they stand, the rest of the text kept, hostile input linear.
import { describe, expect, it } from 'vitest';
import { redactAddresses } from './redact-addresses.js';

describe('redactAddresses', () => {
  it('replaces every address and keeps the words around them', () => {
    expect(redactAddresses('550 5.1.1 <Ana.Souza+x@Example.org>: Recipient address rejected')).toBe(
      '550 5.1.1 <[address]>: Recipient address rejected',
    );
    expect(
      redactAddresses('Can\'t send mail - all recipients were rejected: 550 "ana@example.org", bob@x.y'),
    ).toBe('Can\'t send mail - all recipients were rejected: 550 "[address]", [address]');
    expect(redactAddresses('connect ECONNREFUSED 127.0.0.1:25; user @ host; a@')).toBe(
      'connect ECONNREFUSED 127.0.0.1:25; user @ host; a@',
    );
  });

  it('finishes on 50,000 characters of @, < and spaces', () => {
    for (const text of ['@'.repeat(50_000), '<@'.repeat(25_000), `a${' '.repeat(49_998)}@`]) {
      expect(redactAddresses(text).length).toBeLessThanOrEqual(text.length);
    }
  });
});
