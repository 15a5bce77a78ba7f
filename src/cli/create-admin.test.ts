// `outcry create-admin` with the services main.ts gives it, on SQLite and PostgreSQL: it makes (or resets)
// an admin whose password then verifies, a wrong argument never opens the database, and a database not
// yet migrated is named as such before any service is built.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, testDialects } from '../../test/db.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { loadConfig } from '../config/config.js';
import { servicesFor } from '../main.js';
import { runCreateAdmin } from './create-admin.js';

describe.each(testDialects)('outcry create-admin on %s', (dialect) => {
  let t: TestApp;
  let opened: number;
  beforeEach(async () => {
    t = await createTestApp(dialect, {}, { seed: false });
    opened = 0;
    process.exitCode = undefined;
  });
  afterEach(async () => {
    process.exitCode = undefined;
    await t.close();
  });

  const run = (args: string[], password?: string) =>
    runCreateAdmin(args, { OUTCRY_ADMIN_PASSWORD: password }, (work) => {
      opened++;
      return work(t.services);
    });

  it('creates an admin with the password from the environment, then resets it', async () => {
    await run(['Ana@Example.org', 'Ana', 'Souza'], 'first password 1');
    const ana = await t.services.users.findByEmail('ana@example.org');
    expect(ana).toMatchObject({ name: 'Ana Souza', role: 'admin' });
    expect(await t.services.passwords.verify(ana!.passwordHash, 'first password 1')).toBe(true);

    await run(['ana@example.org'], 'second password 2');
    const again = await t.services.users.findByEmail('ana@example.org');
    expect(again?.id).toBe(ana?.id);
    expect(await t.services.passwords.verify(again!.passwordHash, 'second password 2')).toBe(true);
    expect(process.exitCode).toBeUndefined();
  });

  it('refuses a bad address or a short password without opening the database', async () => {
    await run(['not-an-address']);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
    await run(['ana@example.org'], 'short');
    expect(process.exitCode).toBe(1);
    expect(opened).toBe(0);
    expect(await t.services.users.findByEmail('ana@example.org')).toBeUndefined();
  });
});

describe('outcry create-admin before the migrations', () => {
  it('says to migrate first and exits 1', async () => {
    const db = await createTestDb('sqlite', { migrate: false });
    const errors: unknown[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      await runCreateAdmin(
        ['ana@example.org'],
        { OUTCRY_ADMIN_PASSWORD: 'long enough password' },
        servicesFor(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url })),
      );
      expect(errors).toEqual(['The database is not migrated yet: run `npm run db:migrate` first.']);
      expect(process.exitCode).toBe(1);
    } finally {
      console.error = error;
      process.exitCode = undefined;
      await db.destroy();
    }
  });
});
