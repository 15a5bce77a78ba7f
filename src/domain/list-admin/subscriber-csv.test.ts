// A subscriber file judged from its own content: spreadsheet row numbers, `;` files with a BOM, header
// spellings, names and countries that cannot be stored, duplicates by canonical address, and the files
// refused as a whole.
import { describe, expect, it } from 'vitest';
import { checkSubscriberCsv, decodeSubscriberFile, importLimits } from './subscriber-csv.js';

const outcomes = (text: string) => {
  const checked = checkSubscriberCsv(text);
  if (!checked.ok) throw new Error(checked.problem.error);
  return checked.rows.map((r) => [r.row, r.problem ?? r.value]);
};

describe('subscriber CSV', () => {
  it('numbers rows as a spreadsheet does and judges each one', () => {
    const text = [
      '\ufeffE-mail Address;Full name;Country code',
      'ana@example.org;Ana Souza;br',
      '',
      'ANA+news@example.org;Ana again;',
      'erlan@example.org;Erlan \u202eyabatlaB;KZ',
      'oleg@example.org;Oleg;Kazakhstan',
      'bad@@example.org;Bad;',
      '  lina@Example.ORG ; ;',
      ';;',
    ].join('\r\n');
    expect(outcomes(text)).toEqual([
      [2, { email: 'ana@example.org', canonical: 'ana@example.org', name: 'Ana Souza', country: 'BR' }],
      [4, 'duplicate'],
      [5, 'invalid_row'],
      [6, 'invalid_row'],
      [7, 'invalid_email'],
      [8, { email: 'lina@example.org', canonical: 'lina@example.org', name: '', country: null }],
    ]);
  });

  it('treats Gmail dots and +tags as the same person, and shows bad cells safely', () => {
    const checked = checkSubscriberCsv(
      'email\nfirst.last@gmail.com\nFirstLast+x@googlemail.com\n=cmd\u2066|x\n',
    );
    expect(checked.ok && checked.rows.map((r) => [r.problem ?? 'ok', r.shown])).toEqual([
      ['ok', 'first.last@gmail.com'],
      ['duplicate', 'FirstLast+x@googlemail.com'],
      ['invalid_email', '=cmd\ufffd|x'],
    ]);
  });

  it('refuses files it cannot read as a whole', () => {
    const problem = (text: string) => {
      const checked = checkSubscriberCsv(text);
      return checked.ok ? undefined : checked.problem;
    };
    expect(problem('  \n')).toEqual({ error: 'Empty' });
    expect(problem('name,country\nAna,BR\n')).toEqual({ error: 'NoEmailColumn' });
    expect(problem('email,mail\na@b.org,c@d.org\n')).toEqual({ error: 'DuplicateColumn', column: 'mail' });
    expect(problem('email\n\n\n')).toEqual({ error: 'NoRows' });
    expect(problem('email\n"a@b.org\n')).toMatchObject({ error: 'Malformed' });
    const many = `email\n${'a@b.org\n'.repeat(importLimits.maxRows + 1)}`;
    expect(problem(many)).toEqual({
      error: 'TooManyRows',
      maxRows: importLimits.maxRows,
      rows: importLimits.maxRows + 1,
    });
    expect(decodeSubscriberFile(new Uint8Array([0x65, 0xe9]), false, 8)).toEqual({
      ok: false,
      problem: { error: 'NotUtf8' },
    });
    expect(decodeSubscriberFile(new Uint8Array([0x65]), true, 8)).toEqual({
      ok: false,
      problem: { error: 'TooLarge', maxMb: 8 },
    });
  });
});
