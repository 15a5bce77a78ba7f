// `npm run bench:list-import`: a 100,000-row subscriber CSV (BENCH_LIST_ROWS) imported into one language list,
// as the editor's upload does it (parse, judge each row, one transaction), on SQLite and, when
// TEST_DATABASE_URL is set, on PostgreSQL. One in ten addresses already belongs to a supporter (signed
// before), a few rows are duplicates or not addresses. Prints rows/s for the first import and for the same
// file again (every row "already on the list"), and the process's peak RSS.

import { sql } from 'kysely';
import type { Dialect } from '../src/db/dialect.js';
import { ListAdminRepository } from '../src/db/list-admin.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { importSubscribers } from '../src/domain/list-admin/import-subscribers.js';
import { erasedEmailKey } from '../src/security/email-key.js';
import { createTestDb, pgUrl } from '../test/db.js';
import { supporterRow } from '../test/list-helpers.js';

const rows = Number(process.env.BENCH_LIST_ROWS ?? 100_000);
const secret = 'bench-secret';
const now = Date.UTC(2026, 11, 1);

function file(): Uint8Array {
  const countries = ['GB', 'KZ', 'PH', 'BR', 'ZA', ''];
  let text = 'email,name,country\r\n';
  for (let i = 0; i < rows; i++) {
    if (i % 1_000 === 999) text += `not an address ${i},Someone,\r\n`;
    else if (i % 1_000 === 998) text += `Person.${i - 1}+again@bench.example.org,Again,\r\n`;
    else text += `person.${i}@bench.example.org,Supporter ${i},${countries[i % countries.length]}\r\n`;
  }
  return new TextEncoder().encode(text);
}

async function run(dialect: Dialect, bytes: Uint8Array): Promise<void> {
  const db = await createTestDb(dialect);
  try {
    const user = await new UserRepository(db).upsertWithPassword(
      { email: 'bench@example.org', name: 'Bench', role: 'editor', passwordHash: '' },
      now,
    );
    // Every tenth person signed a petition before: they join the list rather than being added.
    const existing = [];
    for (let i = 0; i < rows; i += 10)
      existing.push(supporterRow(`person.${i}@bench.example.org`, { created_at: now }));
    for (let i = 0; i < existing.length; i += 1_000) {
      await db.kysely
        .insertInto('supporters')
        .values(existing.slice(i, i + 1_000))
        .execute();
    }
    const lists = new ListAdminRepository(db);
    const deps = { lists, clock: { now: () => now }, erasedKey: (c: string) => erasedEmailKey(secret, c) };
    const input = {
      locale: 'en',
      consentSource: 'LabourStart English list, double opt-in, exported 2026-11-30',
      file: { bytes, truncated: false },
      maxMb: 50,
      actor: { id: Number(user.id), email: 'bench@example.org' },
    };
    for (const label of ['first import', 'same file again']) {
      // As autovacuum would have by then on a live database: planner statistics for the tables just filled.
      if (dialect === 'postgres') await sql`analyze`.execute(db.kysely);
      const started = performance.now();
      const result = await importSubscribers(deps, input);
      const seconds = (performance.now() - started) / 1000;
      if (result.status !== 'done') throw new Error(`import refused: ${JSON.stringify(result)}`);
      const c = result.report.counts;
      console.log(
        `${dialect.padEnd(8)} ${label.padEnd(16)} ${rows.toLocaleString('en')} rows in ${seconds.toFixed(2)} s: ` +
          `${Math.round(rows / seconds).toLocaleString('en')} rows/s ` +
          `(added ${c.added}, joined ${c.joined}, already ${c.already_on_list}, duplicate ${c.duplicate}, invalid ${c.invalid_email})`,
      );
    }
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const bytes = file();
  console.log(`file: ${rows.toLocaleString('en')} rows, ${(bytes.length / 1_000_000).toFixed(1)} MB`);
  await run('sqlite', bytes);
  if (pgUrl) await run('postgres', bytes);
  else console.log('postgres: skipped (set TEST_DATABASE_URL to measure it)');
  console.log(`peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
