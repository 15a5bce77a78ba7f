// `npm run bench:export`: the signers' CSV of one campaign of 25,000 counted signers (BENCH_EXPORT_ROWS) from
// 60 countries with names in 15 scripts, streamed through the real exporter (keyset batches) into a byte
// counter, as the editor's download does. Prints rows/s and MB/s on SQLite and, when TEST_DATABASE_URL is
// set, on PostgreSQL. The bar: 25,000 rows in ≤ 1 s.

import { CampaignRepository } from '../src/db/campaign.repository.js';
import type { Dialect } from '../src/db/dialect.js';
import { PetitionStore } from '../src/db/petition.store.js';
import { signersCsv } from '../src/domain/petition/export-signers.js';
import { createTestDb, pgUrl } from '../test/db.js';
import { buildCampaign } from '../test/factories.js';
import { seedDossierSigners } from './lib/dossier-signers.js';

const total = Number(process.env.BENCH_EXPORT_ROWS ?? 25_000);
const runs = Number(process.env.BENCH_EXPORT_RUNS ?? 5);
const t0 = Date.UTC(2026, 10, 1);

async function bench(dialect: Dialect): Promise<void> {
  const db = await createTestDb(dialect);
  try {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), t0);
    await seedDossierSigners(db, campaignId, total, t0);
    const store = new PetitionStore(db);
    const campaign = { id: campaignId, petitionNames: 'short' as const };
    const filter = { country: null, locale: null, from: null, to: null };
    const times: number[] = [];
    let bytes = 0;
    let lines = 0;
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      bytes = 0;
      lines = 0;
      for await (const chunk of signersCsv(store, campaign, filter)) {
        bytes += Buffer.byteLength(chunk);
        for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
      }
      times.push(performance.now() - started);
    }
    if (lines !== total + 1) throw new Error(`exported ${lines - 1} rows, expected ${total}`);
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const rss = process.memoryUsage().rss / 1e6;
    console.log(
      `${dialect.padEnd(8)} ${total.toLocaleString('en')} rows  median ${median.toFixed(0)} ms  ` +
        `(best ${times[0]!.toFixed(0)} ms)  ${Math.round((total / median) * 1000).toLocaleString('en')} rows/s  ` +
        `${((bytes / 1e6 / median) * 1000).toFixed(1)} MB/s  file ${(bytes / 1e6).toFixed(2)} MB  rss ${rss.toFixed(0)} MB`,
    );
  } finally {
    await db.destroy();
  }
}

console.log(`signers CSV: ${runs} runs each, median`);
await bench('sqlite');
if (pgUrl) await bench('postgres');
