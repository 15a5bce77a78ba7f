// bin/outcry.mjs must refuse an old Node with one clear line, before anything native can segfault.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../src/config/paths.js';

function oldNode(): string | undefined {
  for (const candidate of ['/usr/bin/node', '/usr/local/bin/node']) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ['--version'], { encoding: 'utf8' }).stdout.trim();
    if (Number(version.replace(/^v/, '').split('.')[0]) < 24) return candidate;
  }
  return undefined;
}

const node = oldNode();
if (!node) console.warn('No Node older than 24 on this machine: the old-Node refusal test is SKIPPED');

describe('bin/outcry.mjs', () => {
  it.runIf(node)('refuses an old Node with one line and exit code 1, without crashing', () => {
    const result = spawnSync(node!, [`${projectRoot}bin/outcry.mjs`, 'demo'], { encoding: 'utf8' });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^Outcry needs Node\.js 24 or newer \(this is 2\d\.\d+\.\d+\)\./);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/Segmentation|SIGSEGV/);
  });

  it('runs under this Node and prints usage', () => {
    const result = spawnSync(process.execPath, [`${projectRoot}bin/outcry.mjs`, 'help'], {
      encoding: 'utf8',
    });
    if (result.stderr.includes('not built yet')) {
      expect(result.status).toBe(1);
      return;
    }
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: outcry <command>');
  });
});
