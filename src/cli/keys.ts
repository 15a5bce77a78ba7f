// `outcry keys rotate`: seals every personal value again under the newest data key (the first in DATA_KEY),
// table by table in batches, printing progress; `outcry keys status` counts the values under each key.
// `outcry keys reindex` recomputes every supporter's blind indexes under the first INDEX_KEY key. Both run
// beside the site (each value is replaced only if unchanged since it was read) and can be stopped and
// started again at any time: what is already under the newest key is skipped. Decisions 0023, 0033.
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { pendingMigrations } from '../db/migrate.js';
import { sealedColumns } from '../db/personal-fields.plugin.js';
import { reindexAll } from '../db/reindex.js';
import { resealAll } from '../db/reseal.js';

export interface KeysIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage: outcry keys rotate [--batch N] [--pause-ms N]
       outcry keys reindex [--batch N] [--pause-ms N]
       outcry keys status

rotate  seals every stored personal value again under the first key in DATA_KEY (run it after putting a
        new key first); safe while the site runs; start it again to resume
reindex recomputes every supporter's address index under the first key in INDEX_KEY (run it after putting
        a new key first there and restarting the site with it); safe while the site runs; resumable
status  how many stored values each key sealed, and the index key`;

function option(args: string[], name: string, fallback: number, max: number): number | undefined {
  const at = args.indexOf(name);
  if (at === -1) return fallback;
  const value = Number(args[at + 1]);
  return Number.isInteger(value) && value >= 0 && value <= max ? value : undefined;
}

/** Exit code: 0 done, 1 failed, 2 usage. */
export async function runKeys(args: string[], db: Db, io: KeysIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'rotate' && verb !== 'status' && verb !== 'reindex') {
    io.err(usage);
    return 2;
  }
  const pending = await pendingMigrations(db);
  if (pending.length > 0) {
    io.err(`Migrations pending (${pending.join(', ')}): run outcry migrate first.`);
    return 1;
  }
  if (verb === 'status') {
    for (const [table, columns] of Object.entries(sealedColumns)) {
      for (const column of columns) {
        // The key id sits between the first two dots of a sealed value (`e2.<id>.…`, or `e1.` before).
        const find = db.dialect === 'postgres' ? sql.raw('strpos') : sql.raw('instr');
        const { rows } = await sql<{ key: string | null; n: number | string }>`
          select case when ${sql.ref(column)} like 'e1.%' or ${sql.ref(column)} like 'e2.%'
                      then substr(${sql.ref(column)}, 4, ${find}(substr(${sql.ref(column)}, 4), '.') - 1)
                      else null end as key, count(*) as n
          from ${sql.table(table)} where ${sql.ref(column)} is not null and ${sql.ref(column)} <> ''
          group by 1 order by 1`.execute(db.kysely);
        const parts = rows.map((r) => `${r.key ?? 'clear'}: ${Number(r.n)}`);
        io.out(`${table}.${column}  ${parts.length ? parts.join(', ') : 'empty'}`);
      }
    }
    io.out(`newest key: ${db.vault.currentKeyId}`);
    io.out(
      `index key: ${db.vault.indexKeyId}${db.vault.reindexing ? ' (earlier index keys still consulted)' : ''}`,
    );
    return 0;
  }
  const batchSize = option(rest, '--batch', 500, 100_000);
  const pauseMs = option(rest, '--pause-ms', 20, 60_000);
  if (!batchSize || pauseMs === undefined) {
    io.err(usage);
    return 2;
  }
  if (verb === 'reindex') {
    io.out(`Indexing every supporter's address under index key ${db.vault.indexKeyId}…`);
    const changed = await reindexAll(db.kysely, db.vault, {
      batchSize,
      onProgress: (p) => {
        io.out(`supporters: ${p.scanned}/${p.total} rows looked at, ${p.reindexed} indexed again`);
      },
      pause: () => sleep(pauseMs),
    });
    io.out(
      `Done: ${changed} supporters indexed again; every address is indexed under key ${db.vault.indexKeyId}.` +
        (db.vault.reindexing ? ' Remove the earlier keys from INDEX_KEY and restart every process.' : ''),
    );
    return 0;
  }
  io.out(`Sealing every personal value under key ${db.vault.currentKeyId}…`);
  const changed = await resealAll(db.kysely, db.vault, {
    batchSize,
    onProgress: (p) => {
      io.out(`${p.table}: ${p.scanned}/${p.total} rows looked at, ${p.resealed} values sealed again`);
    },
    // Between batches the site's own writes go first.
    pause: () => sleep(pauseMs),
  });
  io.out(`Done: ${changed} values sealed again; every value is under key ${db.vault.currentKeyId}.`);
  return 0;
}
