// Test schemas on PostgreSQL share one prefix per run, so that what a killed or failed test leaves behind
// is dropped when the run ends, and only this run's: Kysely's Migrator lists the tables of every schema in
// the database, and leftovers from earlier runs made each migration step take seconds.
import { randomBytes } from 'node:crypto';
import { underSchemaLock } from './db.js';

export default function setup(): () => Promise<void> {
  const run = randomBytes(3).toString('hex');
  process.env.OUTCRY_TEST_SCHEMA_PREFIX = `t_${run}_`;
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    await underSchemaLock(url, 'exclusive', async (client) => {
      const { rows } = await client.query<{ name: string }>(
        'select nspname as name from pg_namespace where starts_with(nspname, $1)',
        [`t_${run}_`],
      );
      const names = rows.map((r) => `"${r.name}"`);
      for (let i = 0; i < names.length; i += 10) {
        await client.query(`drop schema if exists ${names.slice(i, i + 10).join(', ')} cascade`);
      }
    });
  };
}
