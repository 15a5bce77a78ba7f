#!/usr/bin/env node
// Outcry's entry point. Plain JavaScript on purpose: it must run, and explain, on an old Node before
// anything native loads (better-sqlite3 13 segfaults under Node 20 instead of saying why).
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  process.stderr.write(
    `Outcry needs Node.js 24 or newer (this is ${process.versions.node}). Run it through npm (npm run demo, npm start), which uses the Node 24 that npm ci installs, or install Node 24.\n`,
  );
  process.exit(1);
}

const { existsSync } = await import('node:fs');
const mainFile = new URL('../dist/main.js', import.meta.url);
if (!existsSync(mainFile)) {
  process.stderr.write('Outcry is not built yet: run `npm run build` (npm run demo builds it for you).\n');
  process.exit(1);
}

try {
  const { main } = await import(mainFile.href);
  await main(process.argv.slice(2));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${process.env.OUTCRY_DEBUG && error instanceof Error ? error.stack : message}\n`);
  process.exit(1);
}
