// One table of figures per run, with the machine's core count and the git commit, so runs compare.
import { execSync } from 'node:child_process';
import { cpus } from 'node:os';

export interface Row {
  scenario: string;
  ours: string;
  baseline: string;
  ratio: string;
  notes: string;
}

export function header(): string {
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  } catch {
    // not a git checkout
  }
  return `Outcry benchmarks · ${cpus().length} cores · node ${process.versions.node} · commit ${commit} · ${new Date().toISOString()}`;
}

export function printTable(rows: Row[]): void {
  const cols: (keyof Row)[] = ['scenario', 'ours', 'baseline', 'ratio', 'notes'];
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(cols));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
}

export const ratio = (ours: number, base: number): string =>
  base > 0 ? `${(ours / base).toFixed(2)}×` : '—';
