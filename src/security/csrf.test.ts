// CSRF tokens: bound to their secret and to APP_SECRET, compared in constant time, and cross-site
// requests recognised from the headers browsers send.
import { describe, expect, it } from 'vitest';
import { checkCsrfToken, csrfToken, isCrossSite, newCsrfSecret } from './csrf.js';

const app = 'a'.repeat(40);
const base = 'https://outcry.example.org';

describe('csrf tokens', () => {
  it('accepts the token of its own secret only', () => {
    const secret = newCsrfSecret();
    const token = csrfToken(app, secret);
    expect(checkCsrfToken(app, secret, token)).toBe(true);
    expect(checkCsrfToken(app, newCsrfSecret(), token)).toBe(false);
    expect(checkCsrfToken('b'.repeat(40), secret, token)).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['truncated', 'x'],
    ['an array', ['a', 'b']],
    ['very long', 'x'.repeat(10_000)],
  ])('refuses a %s token', (_label, token) => {
    const secret = newCsrfSecret();
    expect(checkCsrfToken(app, secret, token)).toBe(false);
    expect(checkCsrfToken(app, secret, `${csrfToken(app, secret)}x`)).toBe(false);
  });

  it('refuses everything when there is no secret (no session, no cookie)', () => {
    expect(checkCsrfToken(app, undefined, csrfToken(app, ''))).toBe(false);
    expect(checkCsrfToken(app, '', csrfToken(app, ''))).toBe(false);
  });

  it('makes a different secret every time', () => {
    expect(new Set(Array.from({ length: 50 }, newCsrfSecret)).size).toBe(50);
  });
});

describe('isCrossSite', () => {
  it('accepts any of our own origins', () => {
    expect(isCrossSite({ origin: 'http://localhost:3000' }, [base, 'http://localhost:3000'])).toBe(false);
    expect(isCrossSite({ origin: 'http://localhost:3001' }, [base, 'http://localhost:3000'])).toBe(true);
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site' }, true],
    [{ 'sec-fetch-site': 'same-site' }, true],
    [{ 'sec-fetch-site': 'same-origin', origin: base }, false],
    [{ 'sec-fetch-site': 'same-origin', origin: 'null' }, false],
    [{ 'sec-fetch-site': 'none' }, false],
    [{ origin: 'https://evil.example' }, true],
    [{ origin: 'http://outcry.example.org' }, true],
    [{ origin: 'null' }, false],
    [{ origin: 'not a url' }, true],
    [{ origin: `${base}` }, false],
    [{}, false],
  ])('%o → %s', (headers, expected) => {
    expect(isCrossSite(headers, [base])).toBe(expected);
  });
});
