// The CSV judge on its own: every file-level problem and every row error it names, the spellings real
// spreadsheets produce (BOM, `;`, CRLF, quotes with separators inside, trailing empty rows), duplicates
// within the file and against the campaign, and hostile cells (formulas, control characters, direction
// overrides, 10 KB names) refused with a reason rather than stored.
import { describe, expect, it } from 'vitest';
import {
  type CsvReport,
  checkTargetCsv,
  csvLimits,
  decodeCsv,
  type RowOutcome,
  shownValue,
} from './target-csv.js';

function report(text: string, existing: string[] = []): CsvReport {
  const result = checkTargetCsv(text, new Set(existing));
  if (!result.ok) throw new Error(`expected a report, got ${JSON.stringify(result.problem)}`);
  return result.report;
}

function problem(text: string) {
  const result = checkTargetCsv(text, new Set());
  if (result.ok) throw new Error('expected a problem');
  return result.problem;
}

const errorsOf = (row: RowOutcome | undefined) => (row?.status === 'error' ? row.errors : []);

describe('target CSV', () => {
  it('reads a comma file with its columns in any order, spreadsheet row numbers and canonical values', () => {
    const r = report(
      'Email,Time zone,Name,Language,Organisation\n' +
        'minister@labour.example.org,asia/almaty,Minister of Labour,RU,Ministry of Labour\n' +
        'press@labour.example.org,,Press office,,\n',
    );
    expect(r.delimiter).toBe(',');
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'ok'],
      [3, 'ok'],
    ]);
    expect(r.good).toEqual([
      {
        name: 'Minister of Labour',
        organisation: 'Ministry of Labour',
        email: 'minister@labour.example.org',
        locale: 'ru',
        timeZone: 'Asia/Almaty',
        hourlyCap: null,
        countries: [],
      },
      {
        name: 'Press office',
        organisation: null,
        email: 'press@labour.example.org',
        locale: null,
        timeZone: null,
        hourlyCap: null,
        countries: [],
      },
    ]);
  });

  it('reads an embassy list: a countries column of ISO codes, in any case and separation, or empty', () => {
    const r = report(
      'name,email,countries\n' +
        'Embassy of Belarus in Germany,berlin@embassy.example.org,de\n' +
        'Embassy of Belarus in Belgium,brussels@embassy.example.org,"BE, LU;nl"\n' +
        'Ministry,min@gov.example.org,\n' +
        'Embassy nowhere,nowhere@embassy.example.org,DE XX\n',
    );
    expect(r.good.map((g) => g.countries)).toEqual([['DE'], ['BE', 'LU', 'NL'], []]);
    expect(r.rows[3]).toMatchObject({
      row: 5,
      status: 'error',
      errors: [{ field: 'countries', error: 'CountryUnknown' }],
      shown: { countries: 'DE XX' },
    });
  });

  it('reads a semicolon file with a BOM, CRLF, quoted cells holding separators and quotes, and empty rows', () => {
    const r = report(
      '\ufeffname;email;organization;tz;lang\r\n' +
        '"Ministry; Labour";a@x.example.org;"The ""Big"" Office, Astana";Europe/Paris;pt_br\r\n' +
        ';;;;\r\n' +
        '\r\n' +
        'Bee;b@x.example.org;;;\r\n',
    );
    expect(r.delimiter).toBe(';');
    expect(r.rows.map((x) => x.row)).toEqual([2, 5]);
    expect(r.good[0]).toMatchObject({
      name: 'Ministry; Labour',
      organisation: 'The "Big" Office, Astana',
      timeZone: 'Europe/Paris',
      locale: 'pt-BR',
    });
  });

  it('decodes UTF-8 files with or without BOM and refuses other encodings', () => {
    const text = 'name,email\nŞahin Yılmaz,s@x.example.org\n';
    const plain = decodeCsv(new TextEncoder().encode(text));
    const bom = decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]));
    expect(plain).toEqual({ ok: true, text });
    expect(bom).toEqual({ ok: true, text });
    // "Şahin" in Windows-1254: 0xDE is not valid UTF-8 on its own.
    const latin = decodeCsv(new Uint8Array([...new TextEncoder().encode('name,email\n'), 0xde, 0x61, 0x0a]));
    expect(latin).toEqual({ ok: false, problem: { error: 'NotUtf8' } });
    expect(report((plain as { text: string }).text).good[0]!.name).toBe('Şahin Yılmaz');
  });

  it('names every row error: bad address, unknown language and time zone, too many cells, missing name', () => {
    const r = report(
      'name,email,language,time zone\n' +
        'Good,good@x.example.org,en,UTC\n' +
        'Bad address,not-an-address,,\n' +
        ',noname@x.example.org,,\n' +
        'Codes,codes@x.example.org,klingon,Mars/Olympus\n' +
        'Extra,extra@x.example.org,,,surprise\n' +
        'Empty extras,fine@x.example.org,,,,\n',
    );
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'ok'],
      [3, 'error'],
      [4, 'error'],
      [5, 'error'],
      [6, 'error'],
      [7, 'ok'],
    ]);
    expect(errorsOf(r.rows[1])).toEqual([{ field: 'email', error: 'EmailInvalid' }]);
    expect(errorsOf(r.rows[2])).toEqual([{ field: 'name', error: 'Required' }]);
    expect(errorsOf(r.rows[3])).toEqual([
      { field: 'locale', error: 'LanguageUnknown' },
      { field: 'timeZone', error: 'TimeZoneUnknown' },
    ]);
    expect(errorsOf(r.rows[4])).toEqual([{ field: 'row', error: 'TooManyCells' }]);
    expect(r.rows[3]).toMatchObject({ shown: { locale: 'klingon', timeZone: 'Mars/Olympus' } });
    expect(r.good.map((g) => g.email)).toEqual(['good@x.example.org', 'fine@x.example.org']);
  });

  it('reports duplicates within the file and against the campaign, case-insensitively, +tags kept apart', () => {
    const r = report(
      'name,email\n' +
        'One,one@x.example.org\n' +
        'One again,ONE@x.example.org\n' +
        'Known,known@x.example.org\n' +
        'Tagged,one+press@x.example.org\n',
      ['known@x.example.org'],
    );
    expect(r.rows.map((x) => [x.row, x.status])).toEqual([
      [2, 'ok'],
      [3, 'duplicate'],
      [4, 'duplicate'],
      [5, 'ok'],
    ]);
    expect(r.rows[1]).toMatchObject({ firstRow: 2 });
    expect(r.rows[2]).toMatchObject({ firstRow: null });
    expect(r.good).toHaveLength(2);
  });

  it('refuses formula cells, control characters, direction overrides and 10 KB names, and shows them safely', () => {
    const long = 'N'.repeat(10_000);
    const r = report(
      'name,organisation,email\n' +
        "=cmd|' /C calc'!A0,Org,f1@x.example.org\n" +
        'Fine,+SUM(1;2),f2@x.example.org\n' +
        'Fine,Org,@f3@x.example.org\n' +
        'Fine,-2+3,f3b@x.example.org\n' +
        '"Two\nlines",Org,f4@x.example.org\n' +
        'Ana\u202Egnp.exe,Org,f5@x.example.org\n' +
        `${long},Org,f6@x.example.org\n` +
        'Fine,Org,"x@y.example.org\r\nBcc: victim@example.org"\n',
    );
    const errors = r.rows.map((x) =>
      errorsOf(x)
        .map((e) => `${e.field}:${e.error}`)
        .join(' '),
    );
    expect(errors).toEqual([
      'name:Formula',
      'organisation:Formula',
      'email:Formula',
      'organisation:Formula',
      'name:InvalidCharacters',
      'name:InvalidCharacters',
      'name:TooLong',
      'email:EmailInvalid',
    ]);
    expect(r.good).toEqual([]);
    const shown = r.rows.map((x) => (x.status === 'error' ? x.shown.name : ''));
    expect(shown[4]).toBe('Two\ufffdlines');
    expect(shown[5]).toBe('Ana\ufffdgnp.exe');
    expect([...shown[6]!]).toHaveLength(81);
    expect(shownValue('a\u2066b\u0000c')).toBe('a\ufffdb\ufffdc');
  });

  it('refuses files it cannot judge row by row, saying why', () => {
    expect(problem('')).toEqual({ error: 'Empty' });
    expect(problem(' \n\n')).toEqual({ error: 'Empty' });
    expect(problem('name,organisation\nA,B\n')).toEqual({ error: 'MissingColumns', columns: ['email'] });
    expect(problem('language;time zone\nen;UTC\n')).toEqual({
      error: 'MissingColumns',
      columns: ['name', 'email'],
    });
    expect(problem('name,email,E-mail\nA,a@x.example.org,b@x.example.org\n')).toEqual({
      error: 'DuplicateColumn',
      column: 'E-mail',
    });
    expect(problem('name,email\n')).toEqual({ error: 'NoRows' });
    expect(problem('name,email\n"A,a@x.example.org\nB,b@x.example.org\n')).toMatchObject({
      error: 'Malformed',
    });
    const many = `name,email\n${Array.from({ length: csvLimits.maxRows + 1 }, (_, i) => `N${i},n${i}@x.example.org`).join('\n')}`;
    expect(problem(many)).toEqual({
      error: 'TooManyRows',
      maxRows: csvLimits.maxRows,
      rows: csvLimits.maxRows + 1,
    });
    const huge = `name,email\n${'x'.repeat(csvLimits.maxBytes)}`;
    expect(problem(huge)).toEqual({ error: 'TooLarge', maxBytes: csvLimits.maxBytes });
    expect(decodeCsv(new Uint8Array(10), true)).toEqual({
      ok: false,
      problem: { error: 'TooLarge', maxBytes: csvLimits.maxBytes },
    });
  });

  it('accepts exactly the row limit and lists headers it does not use', () => {
    const rows = Array.from({ length: csvLimits.maxRows }, (_, i) => `N${i},n${i}@x.example.org,555`);
    const r = report(`name,email,Phone\n${rows.join('\n')}`);
    expect(r.good).toHaveLength(csvLimits.maxRows);
    expect(r.ignoredColumns).toEqual(['Phone']);
  });
});
