// Linear trimming: the same answers as the patterns it replaces, surrogate pairs kept whole, and a
// 50,000-character run that is not at the end finishes.
import { describe, expect, it } from 'vitest';
import { oneOf, trimEndWhile, trimStartWhile, trimWhile } from './trim.js';

const punctuationOrSpace = (c: string) => /^[\s\p{P}]$/u.test(c);

describe('trim', () => {
  it('trims runs at the start, the end or both', () => {
    expect(trimStartWhile('--a-b--', oneOf('-'))).toBe('a-b--');
    expect(trimEndWhile('--a-b--', oneOf('-'))).toBe('--a-b');
    expect(trimWhile('--a-b--', oneOf('-'))).toBe('a-b');
    expect(trimWhile('----', oneOf('-'))).toBe('');
    expect(trimWhile('', oneOf('-'))).toBe('');
    expect(trimEndWhile('Dear Minister,  ', punctuationOrSpace)).toBe('Dear Minister');
  });

  it('keeps surrogate pairs whole and tests them as one character', () => {
    expect(trimEndWhile('a😀', oneOf('😀'))).toBe('a');
    expect(trimEndWhile('😀!', punctuationOrSpace)).toBe('😀');
    expect(trimStartWhile('😀a', oneOf('😀'))).toBe('a');
    expect(trimStartWhile('𝒜b', punctuationOrSpace)).toBe('𝒜b');
  });

  it('finishes on a 50,000-character run that does not reach the end', () => {
    const text = `${' '.repeat(50_000)}x${'\t'.repeat(50_000)}y`;
    expect(trimWhile(text, oneOf(' \t'))).toBe(text.trim());
  });
});
