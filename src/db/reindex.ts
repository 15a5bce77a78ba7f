// Recomputes every supporter's blind indexes (`email_index`, `email_domain_index`) under the current index
// key from the opened address (`outcry keys reindex`, decision 0033), after INDEX_KEY named a new key.
// The same shape as reseal.ts: plain SQL in batches by id, progress after each batch, a pause between
// batches; resumable (a row whose indexes are already current is not written), and safe while the site
// writes: each row is replaced only if its indexes are still those that were read, and a row the site
// changed meanwhile (a re-signing supporter moved to the current key, an address change) is read again.
// Erased rows (`erased:<id>`, no address) are left as they are. The erasure records are keyed with
// APP_SECRET, not the index key, and hold no address to recompute from: a reindex leaves them alone.
import { type Kysely, sql } from 'kysely';
import { canonicalOf } from '../domain/signature/email-address.js';
import type { DataVault } from '../security/data-keys.js';
import { type BatchRunOptions, rowCount } from './reseal.js';

export interface ReindexProgress {
  /** Supporters looked at so far, and how many there are. */
  scanned: number;
  total: number;
  /** Supporters whose indexes were written under the current key so far. */
  reindexed: number;
}

export type ReindexOptions = BatchRunOptions<ReindexProgress>;

interface Row {
  id: number | string;
  email: string;
  email_index: string;
  email_domain_index: string | null;
}

/** How many times a row the site keeps changing is read again before the run moves on (a rerun finishes it). */
const retries = 3;

/** Reindexes every supporter under the vault's current index key; returns how many rows changed. */
export async function reindexAll<Schema>(
  db: Kysely<Schema>,
  vault: DataVault,
  { batchSize = 500, onProgress, pause }: ReindexOptions = {},
): Promise<number> {
  const total = await rowCount(db, 'supporters');
  let after = 0;
  let scanned = 0;
  let reindexed = 0;
  for (;;) {
    const { rows } = await sql<Row>`
      select id, email, email_index, email_domain_index from supporters
      where id > ${after} order by id limit ${batchSize}`.execute(db);
    if (rows.length === 0) break;
    for (const first of rows) {
      let row: Row | undefined = first;
      for (let attempt = 0; row && attempt < retries; attempt++) {
        const outcome = await reindexRow(db, vault, row);
        if (outcome === 'changed') reindexed += 1;
        if (outcome !== 'raced') break;
        const again = await sql<Row>`
          select id, email, email_index, email_domain_index from supporters where id = ${row.id}`.execute(db);
        row = again.rows[0];
      }
    }
    after = Number(rows[rows.length - 1]?.id);
    scanned += rows.length;
    onProgress?.({ scanned, total, reindexed });
    await pause?.();
  }
  return reindexed;
}

async function reindexRow<Schema>(
  db: Kysely<Schema>,
  vault: DataVault,
  row: Row,
): Promise<'current' | 'changed' | 'raced'> {
  // Erased: no address left to index, and its placeholder names no one.
  if (row.email_index.startsWith('erased:') || row.email === '') return 'current';
  const address = vault.open('supporters.email', row.email);
  const index = vault.index(canonicalOf(address));
  const domain = vault.domainIndex(address);
  if (index === row.email_index && domain === row.email_domain_index) return 'current';
  const result = await sql`
    update supporters set email_index = ${index}, email_domain_index = ${domain}
    where id = ${row.id} and email = ${row.email} and email_index = ${row.email_index}
      and ${row.email_domain_index === null ? sql`email_domain_index is null` : sql`email_domain_index = ${row.email_domain_index}`}`.execute(
    db,
  );
  return Number(result.numAffectedRows ?? 0) > 0 ? 'changed' : 'raced';
}
