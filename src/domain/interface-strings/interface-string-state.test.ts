// The rules of the board without a database: when a string counts as reviewed once corrections are laid
// over the shipped catalog, what the filters keep, and what a correction stores (nothing for a text equal
// to what is shown, no correction row text for the shipped text, the review lost when the English moved).
import { describe, expect, it } from 'vitest';
import { prepareCorrection } from './correction.js';
import { filterStrings, layStrings } from './interface-string-state.js';
import type { InterfaceOverride, ShippedString } from './interface-strings.ports.js';

const hash = (english: string) => `h:${english}`;
const shipped = (key: string, over: Partial<ShippedString> = {}): ShippedString => ({
  key,
  namespace: 'supporter',
  english: `English ${key}`,
  description: '',
  shipped: `Texte ${key}`,
  shippedReviewed: false,
  ...over,
});
const override = (key: string, over: Partial<InterfaceOverride> = {}): InterfaceOverride => ({
  locale: 'fr',
  key,
  message: `Corrigé ${key}`,
  previousMessage: `Texte ${key}`,
  sourceHash: hash(`English ${key}`),
  reviewedAt: 5,
  updatedBy: 'Amal',
  updatedAt: 5,
  ...over,
});
const noProblems = { check: () => [], hash };

describe('interface strings on the board', () => {
  const rows = layStrings(
    [
      shipped('a', { shippedReviewed: true }),
      shipped('b', { shippedReviewed: true }),
      shipped('c'),
      shipped('d', { namespace: 'editor' }),
    ],
    [
      override('b', { reviewedAt: null }),
      override('c'),
      override('d', { message: null, sourceHash: hash('English before') }),
    ],
    hash,
  );

  it('counts a stored review against today’s English, else the repository’s', () => {
    expect(rows.map((r) => [r.key, r.current, r.overridden, r.reviewed])).toEqual([
      ['a', 'Texte a', false, true],
      ['b', 'Corrigé b', true, false],
      ['c', 'Corrigé c', true, true],
      ['d', 'Texte d', false, false],
    ]);
  });

  it('filters by state, namespace and search, ignoring case', () => {
    const keys = (f: Parameters<typeof filterStrings>[1]) => filterStrings(rows, f).map((r) => r.key);
    expect(keys({ state: 'not-reviewed', namespace: 'all', search: '' })).toEqual(['b', 'd']);
    expect(keys({ state: 'overridden', namespace: 'all', search: '' })).toEqual(['b', 'c']);
    expect(keys({ state: 'all', namespace: 'editor', search: '' })).toEqual(['d']);
    expect(keys({ state: 'all', namespace: 'all', search: 'CORRIGÉ' })).toEqual(['b', 'c']);
  });

  it('stores no text for the shipped one, nothing for what is already shown, and refuses what the check refuses', () => {
    const [a, b] = rows;
    expect(prepareCorrection(noProblems, 'fr', a!, 'Texte a', true)).toEqual({ status: 'unchanged' });
    // A one-line English text stays one line; no controls or bidi overrides.
    for (const typed of ['Texte b\r\nBcc: x', 'Texte\u2028b', '\u202eb etxeT', 'Texte\u0000b'])
      expect(prepareCorrection(noProblems, 'fr', b!, typed, false)).toEqual({
        status: 'invalid',
        errors: [{ code: 'InvalidCharacters' }],
      });
    const twoLines = { ...b!, english: 'One\nTwo' };
    expect(prepareCorrection(noProblems, 'fr', twoLines, 'Un\r\nDeux', false)).toMatchObject({
      status: 'change',
      change: { message: 'Un\nDeux', previousMessage: 'Corrigé b' },
    });
    expect(prepareCorrection(noProblems, 'fr', b!, 'Texte b', true)).toMatchObject({
      status: 'change',
      change: { message: null, reviewed: true, sourceHash: hash('English b') },
    });
    expect(prepareCorrection(noProblems, 'fr', a!, ' \n ', true)).toEqual({
      status: 'invalid',
      errors: [{ code: 'Required' }],
    });
    const refusing = { hash, check: () => [{ code: 'InvalidIcu' as const }] };
    expect(prepareCorrection(refusing, 'fr', a!, '{', true)).toEqual({
      status: 'invalid',
      errors: [{ code: 'InvalidIcu' }],
    });
  });
});
