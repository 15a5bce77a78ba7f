// The petition's display rule and its cursors: what a signer's choice and the campaign's setting show.
import { describe, expect, it } from 'vitest';
import { displaySigner, formatCursor, parseCursor, shortName } from './petition.js';

describe('petition display', () => {
  it.each([
    ['Ana María Souza', 'Ana S.'],
    ['  Олег   Петров ', 'Олег П.'],
    ['محمد عبد الله', 'محمد ا.'],
    ['Ēmīlija Ōzola', 'Ēmīlija Ō.'],
    // A decomposed accent stays with its letter.
    ['Zoe E\u0301lise', 'Zoe E\u0301.'],
    // One word (and scripts written without spaces) stays as typed.
    ['Madonna', 'Madonna'],
    ['王小明', '王小明'],
  ])(
    'shortens %j to %j: first name and the initial of the last, by grapheme, in any script',
    (name, short) => {
      expect(shortName(name)).toBe(short);
    },
  );

  it('shows "a supporter from" signers without name or union, and full names when the campaign says so', () => {
    const row = {
      id: 7,
      name: 'Camila Rojas',
      union: 'CUT Chile',
      country: 'CL',
      anonymous: false,
      signedAt: 5,
      hidden: false,
    };
    expect(displaySigner(row, 'short')).toEqual({
      id: 7,
      name: 'Camila R.',
      union: 'CUT Chile',
      country: 'CL',
      signedAt: 5,
    });
    expect(displaySigner(row, 'full').name).toBe('Camila Rojas');
    expect(displaySigner({ ...row, anonymous: true }, 'full')).toEqual({
      id: 7,
      name: null,
      union: null,
      country: 'CL',
      signedAt: 5,
    });
  });

  it('reads back only the cursors it writes', () => {
    const cursor = { signedAt: 1_767_225_600_000, id: 42 };
    expect(parseCursor(formatCursor(cursor))).toEqual(cursor);
    for (const bad of [
      undefined,
      '',
      '1',
      '1.',
      '.1',
      '1.2.3',
      '-1.2',
      '1e3.2',
      '1.2 ',
      '9999999999999999.1',
    ]) {
      expect(parseCursor(bad), String(bad)).toBeNull();
    }
  });
});
