// The CSV writer: quoting by RFC 4180 and formula cells neutralised, read back by a real CSV parser.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

describe('csv', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","click")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""click"")"',
    );
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\rcmd')).toBe('"\'\rcmd"');
    // Only at the start; numbers we write ourselves are left alone.
    expect(csvCell('Ana-Maria')).toBe('Ana-Maria');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });

  it('quotes what needs quoting and round-trips every script through a CSV parser', () => {
    const rows = [
      ['Олег Петров', 'BKDP, "Salidarnast"', 'BY'],
      ['محمد عبد الله', 'line one\nline two', 'EG'],
      ['王小明', ' padded ', 'CN'],
      ['=1+1', '', 'CL'],
    ];
    const text = rows.map((r) => csvLine(r)).join('');
    expect(text.endsWith('\r\n')).toBe(true);
    const back = parse(text) as string[][];
    expect(back).toEqual([rows[0], rows[1], rows[2], ["'=1+1", '', 'CL']]);
  });
});
