// Builds dist/ with tsc when it is missing or older than any source file, so `npm run demo` works on a
// fresh clone and stays fast on the next run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'dist/main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
      newest = Math.max(newest, statSync(path).mtimeMs);
    }
  }
  return newest;
}

const built = existsSync(target) ? statSync(target).mtimeMs : 0;
const sources = Math.max(
  newestMtime(join(root, 'src')),
  ...['package-lock.json', 'tsconfig.json', 'tsconfig.build.json'].map(
    (f) => statSync(join(root, f)).mtimeMs,
  ),
);
if (built >= sources) {
  console.log('build: dist/ is up to date');
} else {
  console.log('build: compiling TypeScript to dist/ …');
  // Run tsc on this same Node (24), not on whatever `#!/usr/bin/env node` would find first on PATH.
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], {
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  console.log('build: done');
}
