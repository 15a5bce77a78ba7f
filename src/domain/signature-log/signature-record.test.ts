// A row's seal gives back its leaf in each way an export shows a name, reveals only the salts of the cells
// it shows (a short-name file never lets anyone test guesses of the full name), and refuses a name typed
// into a row that showed none; formula characters are committed as the cell shows them.
import { describe, expect, it } from 'vitest';
import { toHex } from './merkle.js';
import { leafFromRow, recordCells, recordLeaf, type SignatureRecord, sealOf } from './signature-record.js';

const record: SignatureRecord = {
  signedAt: Date.UTC(2026, 10, 23, 10, 0, 0, 123),
  name: 'Олег Петров',
  union: '=HYPERLINK("x")',
  country: 'BY',
  language: 'ru',
  source: 'mailing-en-2',
};
const salt = Uint8Array.from({ length: 16 }, (_, i) => i * 7);

describe('signature record seals', () => {
  it.each(['full', 'short', 'none'] as const)(
    'recomputes the leaf of a row that shows the name %s',
    (shown) => {
      const seal = sealOf(record, salt, shown);
      const leaf = leafFromRow(recordCells(record, shown), seal);
      expect(toHex(leaf!)).toBe(toHex(recordLeaf(record, salt)));
      const slots = seal
        .split('.')
        .slice(1)
        .map((s) => s.length);
      expect(slots).toEqual(
        shown === 'full' ? [22, 43, 22] : shown === 'short' ? [43, 22, 22] : [43, 43, 43],
      );
    },
  );

  it('shows the short name and neutralised union as cells, and any change gives another leaf', () => {
    const cells = recordCells(record, 'short');
    expect(cells.name).toBe('Олег П.');
    expect(cells.union).toBe('\'=HYPERLINK("x")');
    expect(cells.signedAt).toBe('2026-11-23T10:00:00.123Z');
    const seal = sealOf(record, salt, 'short');
    const good = toHex(recordLeaf(record, salt));
    for (const changed of [
      { ...cells, name: 'Олег С.' },
      { ...cells, union: 'KHMU' },
      { ...cells, signedAt: '2026-11-23T10:00:00.124Z' },
      { ...cells, source: '' },
    ]) {
      const leaf = leafFromRow(changed, seal);
      expect(leaf && toHex(leaf)).not.toBe(good);
    }
  });

  it('refuses a name typed into an anonymous row and malformed seals', () => {
    const seal = sealOf(record, salt, 'none');
    expect(leafFromRow({ ...recordCells(record, 'none'), name: 'Someone' }, seal)).toBeUndefined();
    expect(leafFromRow(recordCells(record, 'full'), 'x')).toBeUndefined();
    expect(leafFromRow(recordCells(record, 'full'), seal.replace(/^1/, '2'))).toBeUndefined();
  });
});
