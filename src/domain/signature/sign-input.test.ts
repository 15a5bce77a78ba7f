import { describe, expect, it } from 'vitest';
import { type RawSignInput, validateSignInput } from './sign-input.js';

const valid: RawSignInput = {
  name: 'Ana Souza',
  email: 'Ana.Souza+kz@gmail.com',
  union: 'CUT',
  country: 'br',
  message: 'Free Erlan Baltabay.',
  alerts: false,
  anonymous: false,
  source: 'mailing-en-2',
};

describe('validateSignInput', () => {
  it('normalises a valid signature', () => {
    expect(validateSignInput(valid)).toEqual({
      ok: true,
      input: {
        name: 'Ana Souza',
        email: { address: 'Ana.Souza+kz@gmail.com', canonical: 'anasouza@gmail.com' },
        union: 'CUT',
        country: 'BR',
        message: 'Free Erlan Baltabay.',
        alerts: false,
        anonymous: false,
        source: 'mailing-en-2',
      },
    });
  });

  it.each([
    {
      test: 'reports every field error at once',
      changes: { name: '', email: 'nope', union: 'x'.repeat(151), country: 'XX', message: '' },
      errors: {
        name: 'NameRequired',
        email: 'EmailInvalid',
        union: 'UnionTooLong',
        country: 'CountryInvalid',
        message: 'MessageRequired',
      },
    },
    {
      test: 'refuses text that arrived broken: U+FFFD or a lone surrogate in any field',
      changes: {
        name: 'Ana \ufffd',
        email: 'ana\ud800@example.org',
        union: '\udc00CUT',
        message: 'Free Erlan \ufffd',
      },
      errors: {
        name: 'NameInvalid',
        email: 'EmailInvalid',
        union: 'UnionInvalid',
        message: 'MessageInvalid',
      },
    },
  ])('$test', ({ changes, errors }) => {
    expect(validateSignInput({ ...valid, ...changes })).toEqual({ ok: false, errors });
  });

  it('drops a source tag that is not a plain token, and an empty union', () => {
    const r = validateSignInput({ ...valid, union: ' ', source: '<script>' });
    expect(r.ok && r.input.source).toBe(null);
    expect(r.ok && r.input.union).toBe(null);
  });
});
