import { describe, expect, it } from 'vitest';
import { checkFormToken, FormTokenCache, issueFormToken } from './form-token.js';

const secret = 's'.repeat(40);
const t0 = Date.UTC(2026, 10, 23, 12);

describe('form tokens', () => {
  const token = issueFormToken(secret, 7, t0);

  it('accept a form filled in at human speed', () => {
    expect(checkFormToken(secret, token, 7, t0 + 20_000).verdict).toBe('ok');
  });

  it.each([
    ['missing', undefined, 7, t0 + 20_000],
    ['too_fast', token, 7, t0 + 500],
    ['too_fast', token, 7, t0 - 3_600_000],
    ['expired', token, 7, t0 + 3 * 86_400_000],
    ['invalid', token, 8, t0 + 20_000],
    ['invalid', token.slice(0, -2), 7, t0 + 20_000],
    ['invalid', `${token}x`, 7, t0 + 20_000],
    ['invalid', token.replace('v1.7.', 'v1.8.'), 8, t0 + 20_000],
    ['invalid', 'garbage', 7, t0],
  ] as const)('say %s', (verdict, tok, campaign, now) => {
    expect(checkFormToken(secret, tok, campaign, now).verdict).toBe(verdict);
  });

  it('do not verify under another secret', () => {
    expect(checkFormToken('t'.repeat(40), token, 7, t0 + 20_000).verdict).toBe('invalid');
  });
});

describe('FormTokenCache', () => {
  it('hands every view of one campaign within a second the same valid token, a new one the next second', () => {
    const cache = new FormTokenCache(secret);
    const t0 = Date.UTC(2026, 10, 23, 12, 0, 0, 250);
    const a = cache.token(7, t0);
    expect(cache.token(7, t0 + 700)).toBe(a);
    expect(cache.token(8, t0)).not.toBe(a);
    const b = cache.token(7, t0 + 750);
    expect(b).not.toBe(a);
    // Issued at the start of its second: valid for this campaign only, fast until 3 s after that.
    expect(checkFormToken(secret, a, 7, t0 + 2_800).verdict).toBe('ok');
    expect(checkFormToken(secret, a, 7, t0 + 2_700).verdict).toBe('too_fast');
    expect(checkFormToken(secret, a, 8, t0 + 5_000).verdict).toBe('invalid');
  });
});
