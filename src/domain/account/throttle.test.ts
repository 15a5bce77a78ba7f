// The address form used for account lookups and throttle keys: what no account can have never reaches the
// database (PostgreSQL refuses NUL in text; the fuzz test found POST /editor/reset answering 500 for it).
import { describe, expect, it } from 'vitest';
import { accountEmail } from './throttle.js';

describe('accountEmail', () => {
  it('trims, composes and lower-cases an address', () => {
    expect(accountEmail('  Ana@Example.ORG ')).toBe('ana@example.org');
    expect(accountEmail('jose\u0301@example.org')).toBe('josé@example.org');
  });

  it('turns control characters and overlong input into the empty key that matches no account', () => {
    for (const bad of [
      'a\u0000b@example.org',
      'a\nb@example.org',
      'a\u007fb@example.org',
      'a\u0085b@x.org',
    ]) {
      expect(accountEmail(bad)).toBe('');
    }
    expect(accountEmail(`${'a'.repeat(320)}@example.org`)).toBe('');
  });
});
