// Every regular expression literal in src/ (outside tests) must match each input in one way only, so no
// input can make it backtrack: redos-detector proves that per pattern. Forms, mail and headers are hostile,
// and a pattern that is internal today sees input tomorrow, so all of them are checked, not a list; a
// pattern built at run time (`new RegExp`) cannot be checked and fails the test.
// Where a search cannot be written that way, write a loop (src/domain/shared/trim.ts) or test words.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isSafe } from 'redos-detector';
import { describe, expect, it } from 'vitest';
import { parseAst } from 'vitest/node';
import { projectRoot } from '../src/config/paths.js';

const src = join(projectRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

interface Found {
  where: string;
  pattern: string;
  flags: string;
}

/** The regular expression literals of one file, from its syntax tree (strings and comments excluded). */
function regexLiterals(file: string, code: string): Found[] {
  const found: Found[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) walk(child);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    const where = () =>
      `${relative(src, file)}:${code.slice(0, (node as { start: number }).start).split('\n').length}`;
    const regex = (node as { regex?: { pattern: string; flags: string } }).regex;
    if (regex) found.push({ where: where(), ...regex });
    // A pattern built at run time cannot be checked here: it is reported as one that fails.
    const callee = (node as { callee?: { type: string; name?: string } }).callee;
    if (callee?.type === 'Identifier' && callee.name === 'RegExp') {
      found.push({ where: where(), pattern: '(a+)+$', flags: '' });
    }
    for (const value of Object.values(node)) walk(value);
  };
  walk(parseAst(code, { lang: file.endsWith('.tsx') ? 'tsx' : 'ts' }));
  return found;
}

/** The patterns redos-detector cannot prove safe, with where they are. */
function unsafe(found: Found[]): string[] {
  return found
    .filter((r) => !isSafe(new RegExp(r.pattern, r.flags), { timeout: 5_000 }).safe)
    .map((r) => `${r.where} /${r.pattern}/${r.flags}`);
}

describe('regular expressions', () => {
  it('has none in src/ that can backtrack', () => {
    const found = sourceFiles(src).flatMap((f) => regexLiterals(f, readFileSync(f, 'utf8')));
    expect(found.length).toBeGreaterThan(100);
    expect(unsafe(found)).toEqual([]);
  });

  it('would catch the patterns of the review', () => {
    const code = [
      'const a = /^(.*?)[\\s,;:]*<?([^\\s<>,;]+@[^\\s<>,;]+?)>?[\\s.,;]*$/u;',
      'const b = (v: string) => /<?([^\\s<>;,"]+@[^\\s<>;,"]+?)>?$/.exec(v.replace(/\\/+$/, \'\'));',
      "const c = '/(a+)+$/ in a string is not a pattern'; // nor /(a+)+$/ in a comment",
      'const d = new RegExp(c);',
    ].join('\n');
    const found = regexLiterals(join(src, 'x.ts'), code);
    expect(found.map((r) => r.where)).toEqual(['x.ts:1', 'x.ts:2', 'x.ts:2', 'x.ts:4']);
    expect(unsafe(found)).toHaveLength(4);
  });
});
