// Personal data encrypted at rest (issue 14, decision 0023). The clear canonical address becomes the blind
// index (`supporters.email_index`, a keyed HMAC), and every personal value already stored is sealed with
// the configured data key. Plain SQL cannot see the key, so this migration is given it (the key ring the
// process was started with): `outcry migrate` with DATA_KEY set, like `outcry start`.
import { type Kysely, sql } from 'kysely';
import { parseEmail } from '../../domain/signature/email-address.js';
import type { DataVault } from '../../security/data-keys.js';
import type { Dialect } from '../dialect.js';
import { sealedColumns } from '../personal-fields.plugin.js';
import { resealAll } from '../reseal.js';

/**
 * The sealed columns as they were when this migration was written: tables made by later migrations (sealed
 * from their first row) do not exist yet when it runs.
 */
const sealedHere: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  ['supporters', 'signatures', 'campaign_requests', 'jobs'].map((t) => [t, sealedColumns[t] ?? []]),
);

/** Erased supporters keep a unique placeholder instead of an index (privacy.repository.ts). */
const erasedPrefix = 'erased:';

export function encryptionAtRest(dialect: Dialect, vault: DataVault) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      // A sealed value is longer than what it seals: PostgreSQL's varchar limits would refuse it. Lengths
      // are bounded by the forms' schemas before anything is written.
      if (dialect === 'postgres') {
        for (const [table, columns] of Object.entries(sealedHere)) {
          for (const column of columns) {
            await sql`alter table ${sql.table(table)} alter column ${sql.ref(column)} type text`.execute(db);
          }
        }
      }
      await sql`alter table supporters rename column email_canonical to email_index`.execute(db);
      await sql`alter table supporters add column email_domain_index varchar(60)`.execute(db);
      let after = 0;
      for (;;) {
        const { rows } = await sql<{ id: number; email: string; email_index: string }>`
          select id, email, email_index from supporters where id > ${after} order by id limit 1000`.execute(
          db,
        );
        if (rows.length === 0) break;
        for (const r of rows) {
          if (r.email_index.startsWith(erasedPrefix)) continue;
          await sql`update supporters set email_index = ${vault.index(r.email_index)},
            email_domain_index = ${vault.domainIndex(vault.open('supporters.email', r.email))}
            where id = ${r.id}`.execute(db);
        }
        after = Number(rows[rows.length - 1]?.id);
      }
      await resealAll(db, vault, { columns: sealedHere });
    },
    async down(db: Kysely<unknown>): Promise<void> {
      // Back to clear values and the clear canonical address (from the address as typed).
      for (const [table, columns] of Object.entries(sealedHere)) {
        const { rows } = await sql<Record<string, string | null> & { id: number }>`
          select id, ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)}`.execute(db);
        for (const row of rows) {
          for (const column of columns) {
            const value = row[column];
            if (typeof value !== 'string') continue;
            await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${vault.open(`${table}.${column}`, value)}
              where id = ${row.id}`.execute(db);
          }
        }
      }
      await sql`alter table supporters drop column email_domain_index`.execute(db);
      await sql`alter table supporters rename column email_index to email_canonical`.execute(db);
      const { rows } = await sql<{ id: number; email: string; email_canonical: string }>`
        select id, email, email_canonical from supporters`.execute(db);
      for (const r of rows) {
        if (r.email_canonical.startsWith(erasedPrefix)) continue;
        const parsed = parseEmail(r.email);
        const canonical = parsed.ok ? parsed.email.canonical : r.email.toLowerCase();
        await sql`update supporters set email_canonical = ${canonical} where id = ${r.id}`.execute(db);
      }
    },
  };
}
