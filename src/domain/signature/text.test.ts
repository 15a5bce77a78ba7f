import { describe, expect, it } from 'vitest';
import { normaliseLine, normaliseText } from './text.js';

describe('normaliseLine', () => {
  const name = (s: string) => normaliseLine(s, { max: 100, required: true });

  it('makes NFC and NFD forms equal and trims', () => {
    expect(name('  Jose\u0301  Garci\u0301a ')).toEqual({ ok: true, value: 'José García' });
  });

  it.each([
    ['Ana\u202eazuoS', 'InvalidCharacters'],
    ['Ana\u2066x', 'InvalidCharacters'],
    ['Ana\r\nBcc: x@example.org', 'InvalidCharacters'],
    ['Ana\u0000', 'InvalidCharacters'],
    ['Ana\u0085', 'InvalidCharacters'],
    ['Ana\u2028', 'InvalidCharacters'],
    ['', 'Required'],
    ['\u200b', 'Required'],
    ['a'.repeat(101), 'TooLong'],
  ])('refuses %j', (input, error) => {
    expect(name(input)).toEqual({ ok: false, error });
  });

  it('keeps emoji, RTL names and zero-width non-joiners', () => {
    expect(name('محمد ✊')).toEqual({ ok: true, value: 'محمد ✊' });
    expect(name('می\u200cخواهم')).toEqual({ ok: true, value: 'می\u200cخواهم' });
    expect(name('😀'.repeat(100))).toMatchObject({ ok: true });
  });

  it('accepts an empty optional field', () => {
    expect(normaliseLine('  ', { max: 10, required: false })).toEqual({ ok: true, value: '' });
  });
});

describe('normaliseText', () => {
  it('normalises line endings and strips controls and bidi overrides', () => {
    expect(normaliseText('Free\r\nErlan\u202e\u0007\n\n\n\nnow', { max: 100 })).toEqual({
      ok: true,
      value: 'Free\nErlan\n\nnow',
    });
  });

  it('bounds length and requires content', () => {
    expect(normaliseText('x'.repeat(10_001), { max: 10_000 })).toEqual({ ok: false, error: 'TooLong' });
    expect(normaliseText(' \n ', { max: 10 })).toEqual({ ok: false, error: 'Required' });
  });
});
