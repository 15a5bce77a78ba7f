// The target list of the public request form: the shapes people type, and hostile lines (runs of `@`, `<`,
// spaces, `a`) that a backtracking pattern would take minutes over. No timing is asserted: a slow parse
// runs into vitest's timeout.
import { describe, expect, it } from 'vitest';
import { readTargets, requestLimits } from './request-input.js';

describe('readTargets', () => {
  it('reads `Name <address>`, `Name, address` and `Name address`, one per line', () => {
    const read = readTargets(
      [
        'Minister of Labour <Minister@Labour.example.org>',
        '"Ana Souza", ana@example.org;',
        'Board chair: chair@example.com.',
        '',
        '  Leila Haddad   leila@example.net  ',
      ].join('\r\n'),
    );
    expect(read).toEqual({
      ok: true,
      targets: [
        { name: 'Minister of Labour', email: 'Minister@labour.example.org' },
        { name: 'Ana Souza', email: 'ana@example.org' },
        { name: 'Board chair', email: 'chair@example.com' },
        { name: 'Leila Haddad', email: 'leila@example.net' },
      ],
    });
  });

  /** A refusal that names the first wrong line. */
  const wrongLine = (code: string, line: number) => ({ ok: false, error: { code, line } });

  it('reports the first wrong line with its number', () => {
    expect(readTargets('A <a@example.org>\nno address here')).toEqual(wrongLine('TargetNoAddress', 2));
    expect(readTargets('<a@example.org>')).toEqual(wrongLine('TargetNameRequired', 1));
    expect(readTargets('A a@@example.org')).toEqual(wrongLine('TargetEmailInvalid', 1));
    expect(readTargets('A a@example.org\nB A@Example.org')).toEqual(wrongLine('TargetDuplicate', 2));
    expect(readTargets(' \n ')).toEqual({ ok: false, error: { code: 'Required' } });
  });

  it('refuses a line longer than a name and an address can be, before reading it', () => {
    const line = `${'N'.repeat(requestLimits.targetName)} ${'a'.repeat(64)}@${'b'.repeat(200)}.org ${' '.repeat(100)}x`;
    expect(readTargets(line)).toEqual(wrongLine('TargetNameInvalid', 1));
  });

  it('counts the lines before reading any of them', () => {
    const lines = Array.from({ length: requestLimits.targets + 1 }, (_, i) => `T${i} t${i}@example.org`);
    expect(readTargets([...lines, 'broken'].join('\n'))).toEqual({
      ok: false,
      error: { code: 'TargetsTooMany' },
    });
  });

  // Each ends in a character no address can hold, so a backtracking pattern would try every split.
  it.each([
    ['@', `${'@'.repeat(49_999)}<`],
    ['<@', '<@'.repeat(25_000)],
    ['spaces', `a${' '.repeat(49_998)}<`],
    ['a', `${'a'.repeat(25_000)}@${'a'.repeat(24_998)}<`],
    ['separators', `x${' ,;:'.repeat(12_499)}@a<`],
  ])('finishes on a 50,000-character line of %s', (_name, line) => {
    const read = readTargets(line);
    expect(read.ok).toBe(false);
  });

  it('finishes on hostile lines just under the length bound', () => {
    for (const char of ['@', '<', ' ', 'a', ',']) {
      expect(readTargets(`x${char.repeat(490)}@<`).ok).toBe(false);
    }
  });
});
