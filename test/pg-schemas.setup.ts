// Test schemas on PostgreSQL are dropped once, after every test file of the run has finished. Dropping a
// schema while another test file's Kysely introspection lists the catalog (its Migrator does, across every
// schema) made that listing fail with "schema t_… does not exist"; a run's schemas share one prefix so that
// the teardown drops only this run's and never another run's on the same database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export default function setup(): () => Promise<void> {
  const run = randomBytes(3).toString('hex');
  process.env.OUTCRY_TEST_SCHEMA_PREFIX = `t_${run}_`;
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) return;
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ name: string }>(
        'select nspname as name from pg_namespace where starts_with(nspname, $1)',
        [`t_${run}_`],
      );
      const names = rows.map((r) => `"${r.name}"`);
      for (let i = 0; i < names.length; i += 100) {
        await client.query(`drop schema if exists ${names.slice(i, i + 100).join(', ')} cascade`);
      }
    } finally {
      await client.end();
    }
  };
}
