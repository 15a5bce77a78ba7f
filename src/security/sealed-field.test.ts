// A sealed field opens only unchanged, for the ids and purpose it was made for, before its expiry, and a
// forged payload cannot cost more memory than the caller allows.
import { describe, expect, it } from 'vitest';
import { openField, sealField } from './sealed-field.js';

const scope = { purpose: 'test', version: 'v1', ids: [7, 42] };

describe('sealed fields', () => {
  it('opens what it sealed, and nothing changed, foreign or expired', () => {
    const token = sealField('secret', scope, 1_000, [['Ana', null]]);
    expect(openField('secret', scope, 999, token, 1_000)).toEqual([['Ana', null]]);
    expect(openField('secret', scope, 1_001, token, 1_000)).toBeUndefined();
    expect(openField('other', scope, 999, token, 1_000)).toBeUndefined();
    expect(openField('secret', { ...scope, ids: [7, 43] }, 999, token, 1_000)).toBeUndefined();
    expect(openField('secret', { ...scope, purpose: 'else' }, 999, token, 1_000)).toBeUndefined();
    expect(openField('secret', { ...scope, version: 'v2' }, 999, token, 1_000)).toBeUndefined();
    const parts = token.split('.');
    parts[1] = '8';
    expect(openField('secret', scope, 999, parts.join('.'), 1_000)).toBeUndefined();
    expect(openField('secret', scope, 999, `${token}x`, 1_000)).toBeUndefined();
    expect(openField('secret', scope, 999, 'v1.7.42', 1_000)).toBeUndefined();
  });

  it('refuses a payload that inflates beyond the bound', () => {
    const token = sealField('secret', scope, 1_000, 'a'.repeat(10_000));
    expect(openField('secret', scope, 0, token, 100_000)).toBe('a'.repeat(10_000));
    expect(openField('secret', scope, 0, token, 1_000)).toBeUndefined();
  });
});
