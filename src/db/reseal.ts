// Seals again, under the current data key, every personal value that is in clear (rows written before
// migration 0017) or sealed with an older key (`outcry keys rotate`). Plain SQL over one table at a time in
// batches by id, so it is resumable (a value already under the current key is skipped without opening it)
// and safe while the site runs: each value is replaced only if it is still the one that was read, so a
// value the site changed meanwhile is never overwritten (it is already under the current key anyway).
import { type Kysely, sql } from 'kysely';
import type { DataVault } from '../security/data-keys.js';
import { sealedColumns } from './personal-fields.plugin.js';

export interface ResealProgress {
  table: string;
  /** Rows looked at so far in this table, and how many there are. */
  scanned: number;
  total: number;
  /** Values sealed again so far in this table. */
  resealed: number;
}

/** How a run over rows in batches by id goes: the batch size, what it reports after each, a pause between. */
export interface BatchRunOptions<Progress> {
  batchSize?: number;
  onProgress?: (p: Progress) => void;
  /** Awaited between batches (the command yields to the site's own writes). */
  pause?: () => Promise<unknown>;
}

export interface ResealOptions extends BatchRunOptions<ResealProgress> {
  /** The sealed columns to go through: all of today's unless a migration names those of its time. */
  columns?: Readonly<Record<string, readonly string[]>>;
}

type Row = Record<string, unknown> & { id: number | string };

/** How many rows a table has: the total a batch run reports its progress against. */
export async function rowCount<Schema>(db: Kysely<Schema>, table: string): Promise<number> {
  const counted = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(
    db,
  );
  return Number(counted.rows[0]?.n ?? 0);
}

/** Reseals every table's sealed columns; returns how many values changed. */
export async function resealAll<Schema>(
  db: Kysely<Schema>,
  vault: DataVault,
  { batchSize = 500, onProgress, pause, columns = sealedColumns }: ResealOptions = {},
): Promise<number> {
  let changed = 0;
  for (const [table, tableColumns] of Object.entries(columns)) {
    const total = await rowCount(db, table);
    let after = 0;
    let scanned = 0;
    let resealed = 0;
    for (;;) {
      const { rows } = await sql<Row>`
        select id, ${sql.join(tableColumns.map((c) => sql.ref(c)))} from ${sql.table(table)}
        where id > ${after} order by id limit ${batchSize}`.execute(db);
      if (rows.length === 0) break;
      for (const row of rows) {
        for (const column of tableColumns) {
          const value = row[column];
          if (typeof value !== 'string' || vault.isCurrent(value)) continue;
          const fresh = vault.seal(`${table}.${column}`, vault.open(`${table}.${column}`, value));
          const result = await sql`
            update ${sql.table(table)} set ${sql.ref(column)} = ${fresh}
            where id = ${row.id} and ${sql.ref(column)} = ${value}`.execute(db);
          if (Number(result.numAffectedRows ?? 0) > 0) resealed += 1;
        }
      }
      after = Number(rows[rows.length - 1]?.id);
      scanned += rows.length;
      onProgress?.({ table, scanned, total, resealed });
      await pause?.();
    }
    changed += resealed;
  }
  return changed;
}
