// The dossier's pagination as arithmetic: columns fill top to bottom, a heading never ends a column, page
// numbers run on from where the cover ends, and a signer taller than a column is kept whole.
import { describe, expect, it } from 'vitest';
import { type LaidRow, type ListPage, linesFor, paginate, rowLine } from './dossier-layout.js';

const row = (n: number, lines = 1): LaidRow => ({
  text: { number: `${n}.`, name: `Signer ${n}`, anonymous: false, union: null, date: 'Nov 2, 2026' },
  lines,
});
const grid = { linesPerColumn: 10, headingLines: 3, columns: 2 };
const shape = (pages: ListPage[]) =>
  pages.map((p) => ({
    number: p.number,
    columns: p.columns.map((c) => c.map((s) => (s.kind === 'heading' ? `# ${s.text}` : s.row.text.number))),
  }));

describe('dossier layout', () => {
  it('prints a row as the page does and gives long rows more lines', () => {
    expect(rowLine(row(3).text)).toBe('3. Signer 3 · Nov 2, 2026');
    expect(rowLine({ ...row(4).text, union: 'CUT' })).toBe('4. Signer 4 · CUT · Nov 2, 2026');
    expect(linesFor(90, 100)).toBe(1);
    expect(linesFor(98, 100)).toBe(2);
    expect(linesFor(250, 100)).toBe(3);
    expect(linesFor(10_000, 100)).toBe(12);
  });

  it('fills columns and pages in order, numbering from the first list page', () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i + 1));
    const pages = paginate([{ heading: 'Belarus (20)', rows }], grid, 2);
    expect(shape(pages)).toEqual([
      {
        number: 2,
        columns: [
          ['# Belarus (20)', '1.', '2.', '3.', '4.', '5.', '6.', '7.'],
          ['8.', '9.', '10.', '11.', '12.', '13.', '14.', '15.', '16.', '17.'],
        ],
      },
      { number: 3, columns: [['18.', '19.', '20.']] },
    ]);
  });

  it('moves a heading that would end a column on with its first signer, and keeps tall rows whole', () => {
    const pages = paginate(
      [
        { heading: 'Georgia (6)', rows: [row(1), row(2), row(3), row(4), row(5), row(6)] },
        { heading: 'Japan (2)', rows: [row(1, 4), row(2, 30)] },
      ],
      grid,
      1,
    );
    expect(shape(pages)).toEqual([
      {
        number: 1,
        columns: [
          ['# Georgia (6)', '1.', '2.', '3.', '4.', '5.', '6.'],
          ['# Japan (2)', '1.'],
        ],
      },
      { number: 2, columns: [['2.']] },
    ]);
    const tall = pages[1]!.columns[0]![0]!;
    expect(tall.kind === 'row' && tall.row.lines).toBe(10);
  });
});
