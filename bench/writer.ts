// The group-commit writer on its own (no HTTP): how many signatures per second the storage path takes,
// with a given number in flight. Separates the write path from the request path in the table.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { BatchedSignatureWriter } from '../src/db/signature.writer.js';
import { buildCampaign, buildSignCommand } from '../test/factories.js';
import type { Row } from './lib/table.js';

export async function writerScenario(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const inflight of [64, 512]) {
    const db = openDb({ url: `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-writer-')), 'w.db')}` });
    try {
      const { error } = await migrateToLatest(db);
      if (error) throw error;
      const id = await new CampaignRepository(db).create(buildCampaign(), Date.now());
      const writer = new BatchedSignatureWriter(db, { maxQueue: 100_000 });
      const total = 40_000;
      let next = 0;
      const started = performance.now();
      const lane = async () => {
        while (next < total) {
          next++;
          await writer.record(buildSignCommand(id, { now: Date.now() }));
        }
      };
      await Promise.all(Array.from({ length: inflight }, lane));
      const seconds = (performance.now() - started) / 1000;
      rows.push({
        scenario: `writer only, SQLite FULL, ${inflight} in flight`,
        ours: `${Math.round(total / seconds)}/s`,
        baseline: '—',
        ratio: '—',
        notes: `${total} signatures in ${writer.stats.batches} transactions (largest ${writer.stats.largestBatch})`,
      });
    } finally {
      await db.close();
    }
  }
  return rows;
}
