// `npm run bench:overrides`: what the corrections layer of interface strings (decision 0036) costs. Every
// request asks the layer whether its corrections are fresh (the hot path), once a second a process reads the
// version number, and translators format messages with corrections laid over the catalogs. Printed beside
// a bare baseline from the same run (an empty hook; the shipped catalog without corrections), on SQLite.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/db/database.js';
import { InterfaceOverrideRepository } from '../src/db/interface-override.repository.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { InterfaceOverrideLayer } from '../src/i18n/override-layer.js';
import { shippedCatalogs, translatorFor } from '../src/i18n/translator.js';

const calls = 2_000_000;

function perCall(label: string, n: number, fn: () => unknown): [string, string] {
  for (let i = 0; i < 10_000; i++) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < n; i++) fn();
  const ns = Number(process.hrtime.bigint() - start) / n;
  return [label, ns >= 1_000 ? `${(ns / 1_000).toFixed(1)} µs` : `${ns.toFixed(1)} ns`];
}

const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-overrides-'));
const db = openDb({ url: `sqlite:${join(dir, 'bench.db')}` });
try {
  await migrateToLatest(db);
  const store = new InterfaceOverrideRepository(db);
  const layer = new InterfaceOverrideLayer(store);
  await layer.refresh();
  const ar = translatorFor('ar');
  const catalog = shippedCatalogs().get('ar')!;
  // Messages without arguments or tags: formatted with no values.
  const keys = Object.keys(catalog).filter((k) => !/[{<]/.test(catalog[k]!.message));
  const rows: [string, string][] = [];
  let noop = 0;
  rows.push(perCall('per request: empty hook (baseline)', calls, () => noop++));
  rows.push(perCall('per request: layer.fresh()', calls, () => layer.fresh()));
  const reads = 2_000;
  const start = process.hrtime.bigint();
  for (let i = 0; i < reads; i++) await store.version();
  rows.push([
    'once a second: version read',
    `${(Number(process.hrtime.bigint() - start) / reads / 1_000).toFixed(1)} µs`,
  ]);

  let i = 0;
  const next = () => keys[i++ % keys.length] as never;
  rows.push(
    perCall(`t() over ${keys.length} Arabic keys, no corrections (baseline)`, calls / 4, () => ar.t(next())),
  );
  const user = await db.kysely
    .insertInto('users')
    .values({ email: 'bench@example.org', name: 'Bench', role: 'translator', created_at: 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const corrected = keys.slice(0, 1_000);
  await store.save(
    corrected.map((key) => ({
      locale: 'ar',
      key,
      message: `${catalog[key]!.message} ✓`,
      previousMessage: '',
      sourceHash: 'x',
      reviewed: false,
    })),
    { id: user.id, email: 'bench@example.org' },
    1,
  );
  layer.invalidate();
  const applyStart = process.hrtime.bigint();
  await layer.refresh();
  rows.push([
    `reading and applying ${corrected.length} corrections`,
    `${(Number(process.hrtime.bigint() - applyStart) / 1e6).toFixed(1)} ms`,
  ]);
  rows.push(perCall(`t() over the same keys, ${corrected.length} corrected`, calls / 4, () => ar.t(next())));

  console.log(`bench:overrides ${new Date().toISOString()} (Node ${process.versions.node}, SQLite)`);
  const width = Math.max(...rows.map(([l]) => l.length));
  for (const [label, figure] of rows) console.log(`${label.padEnd(width)}  ${figure}`);
} finally {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
