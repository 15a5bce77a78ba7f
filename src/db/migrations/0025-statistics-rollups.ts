// Rollup tables for the statistics pages (docs/decisions/0029-statistics.md): counted signatures per campaign
// and UTC hour they were made, and messages per campaign and status. Database triggers keep them in the same
// transaction as every write to `signatures` and `messages`, whichever code path makes it (prepared,
// multi-row and row-by-row signing, confirmation, held release and discard, expiry, bounces, delivery,
// erasure), so the pages read a few hundred rows instead of counting a campaign's signatures and messages.
//
// Each row is a partial sum: `shard` is 0 on SQLite (one writer) and the writing backend's process id on
// PostgreSQL, so concurrent transactions never update the same row (no lock waits, no deadlocks between
// signing batches or delivery workers); readers sum over shards. On PostgreSQL the triggers run once per
// statement over its transition tables (a batch of 64 signatures is one upsert per campaign and hour), on
// SQLite once per row (an upsert in the same page cache, no extra fsync). Erasure and the retention purge
// keep signatures (anonymised), so their hours stay counted, as the counts table keeps them.
import { type CreateTableBuilder, type Kysely, sql } from 'kysely';
import { bigint, type Dialect } from '../dialect.js';

const hourMs = 3_600_000;

/** SQLite: one upsert of `delta` into a rollup row per trigger statement. */
function sqliteUpsert(table: string, key: string, values: string, delta: string, when: string): string {
  return `insert into ${table} (${key}, shard, n) select ${values}, 0, ${delta} where ${when}
    on conflict (${key}, shard) do update set n = ${table}.n + excluded.n;`;
}

function sqliteTriggers(): string[] {
  const hours = (row: 'new' | 'old', delta: string) =>
    sqliteUpsert(
      'signature_hours',
      'campaign_id, hour',
      `${row}.campaign_id, ${row}.created_at / ${hourMs}`,
      delta,
      `${row}.status = 'confirmed'`,
    );
  const messages = (row: 'new' | 'old', delta: string) =>
    sqliteUpsert('message_counts', 'campaign_id, status', `${row}.campaign_id, ${row}.status`, delta, 'true');
  return [
    `create trigger trg_signature_hours_insert after insert on signatures when new.status = 'confirmed'
     begin ${hours('new', '1')} end`,
    `create trigger trg_signature_hours_update after update of status, campaign_id, created_at on signatures
     when old.status = 'confirmed' or new.status = 'confirmed'
     begin ${hours('old', '-1')} ${hours('new', '1')} end`,
    `create trigger trg_signature_hours_delete after delete on signatures when old.status = 'confirmed'
     begin ${hours('old', '-1')} end`,
    `create trigger trg_message_counts_insert after insert on messages begin ${messages('new', '1')} end`,
    `create trigger trg_message_counts_update after update of status, campaign_id on messages
     when old.status <> new.status or old.campaign_id <> new.campaign_id
     begin ${messages('old', '-1')} ${messages('new', '1')} end`,
    `create trigger trg_message_counts_delete after delete on messages begin ${messages('old', '-1')} end`,
  ];
}

interface Rollup {
  table: string;
  source: string;
  /** The rollup's key columns, and the expressions over a source row that fill them. */
  key: string;
  exprs: string;
  /** Which source rows count. */
  where: string;
}

const rollups: Rollup[] = [
  {
    table: 'signature_hours',
    source: 'signatures',
    key: 'campaign_id, hour',
    exprs: `campaign_id, created_at / ${hourMs}`,
    where: "status = 'confirmed'",
  },
  {
    table: 'message_counts',
    source: 'messages',
    key: 'campaign_id, status',
    exprs: 'campaign_id, status',
    where: 'true',
  },
];

/**
 * PostgreSQL: a function per table and operation, run once per statement over its transition tables (a
 * function may only name the transition tables its trigger has); an update's deltas are summed per key, so
 * one that leaves a row under its key nets to nothing and writes nothing.
 */
function postgresTriggers(): string[] {
  const out: string[] = [];
  for (const r of rollups) {
    const upsert = (select: string) => `
      insert into ${r.table} (${r.key}, shard, n)
      ${select}
      on conflict (${r.key}, shard) do update set n = ${r.table}.n + excluded.n`;
    const bodies: Record<'insert' | 'update' | 'delete', string> = {
      insert: upsert(
        `select ${r.exprs}, pg_backend_pid(), count(*) from new_rows where ${r.where} group by ${r.exprs}`,
      ),
      delete: upsert(
        `select ${r.exprs}, pg_backend_pid(), -count(*) from old_rows where ${r.where} group by ${r.exprs}`,
      ),
      update: upsert(
        `select ${r.key}, pg_backend_pid(), sum(d) from (
           select ${r.exprs}, 1 as d from new_rows where ${r.where}
           union all
           select ${r.exprs}, -1 as d from old_rows where ${r.where}
         ) deltas (${r.key}, d)
         group by ${r.key}
         having sum(d) <> 0`,
      ),
    };
    const tables = {
      insert: 'new table as new_rows',
      update: 'old table as old_rows new table as new_rows',
      delete: 'old table as old_rows',
    };
    for (const op of ['insert', 'update', 'delete'] as const) {
      const name = `${r.table}_${op}`;
      out.push(`create function ${name}() returns trigger language plpgsql as $$
        begin ${bodies[op]}; return null; end $$`);
      out.push(`create trigger trg_${name} after ${op} on ${r.source} referencing ${tables[op]}
        for each statement execute function ${name}()`);
    }
  }
  return out;
}

export function statisticsRollups(dialect: Dialect) {
  const big = bigint(dialect);
  // On SQLite the rows live in their primary key's b-tree (no rowid table beside it): each trigger's upsert
  // is one b-tree write instead of two.
  const clustered = <T extends CreateTableBuilder<string, string>>(t: T): T =>
    dialect === 'sqlite' ? (t.modifyEnd(sql`without rowid`) as T) : t;
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // No foreign key to campaigns: a trigger firing inside a cascade must never fail on one.
      await db.schema
        .createTable('signature_hours')
        .addColumn('campaign_id', big, (c) => c.notNull())
        .addColumn('hour', big, (c) => c.notNull())
        .addColumn('shard', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_signature_hours', ['campaign_id', 'hour', 'shard'])
        .$call(clustered)
        .execute();
      await db.schema
        .createTable('message_counts')
        .addColumn('campaign_id', big, (c) => c.notNull())
        .addColumn('status', 'varchar(20)', (c) => c.notNull())
        .addColumn('shard', 'integer', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('pk_message_counts', ['campaign_id', 'status', 'shard'])
        .$call(clustered)
        .execute();
      // PostgreSQL runs a migration in one transaction: creating a trigger locks its table against writes
      // until commit, so nothing is written between the triggers and the backfill below.
      for (const statement of dialect === 'sqlite' ? sqliteTriggers() : postgresTriggers()) {
        await sql.raw(statement).execute(db);
      }
      for (const r of rollups) {
        await sql
          .raw(
            `insert into ${r.table} (${r.key}, shard, n)
             select ${r.exprs}, 0, count(*) from ${r.source} where ${r.where} group by ${r.exprs}`,
          )
          .execute(db);
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const r of rollups) {
        for (const op of ['insert', 'update', 'delete']) {
          await sql
            .raw(
              `drop trigger if exists trg_${r.table}_${op}${dialect === 'postgres' ? ` on ${r.source}` : ''}`,
            )
            .execute(db);
          if (dialect === 'postgres') await sql.raw(`drop function if exists ${r.table}_${op}()`).execute(db);
        }
        await db.schema.dropTable(r.table).execute();
      }
    },
  };
}
