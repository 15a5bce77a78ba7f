// Settings read from the database on SQLite and PostgreSQL: the default until something is stored, the
// stored value once it parses under its setting's schema, the default again for a value that does not,
// and a short cache that a write drops at once.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { signingRateLimits } from '../config/settings.js';
import { SettingsRepository } from './settings.repository.js';

describe.each(testDialects)('settings on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  const store = (value: string) =>
    db.kysely
      .insertInto('settings')
      .values({ key: signingRateLimits.key, value, updated_at: 0 })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();

  it('answers the default until a value is stored, then the value; a write drops the cache', async () => {
    const settings = new SettingsRepository(db, 10_000);
    expect(await settings.get(signingRateLimits, 0)).toEqual({ ipPerHour: 30, domainPerHour: 500 });
    await settings.set(signingRateLimits, { ipPerHour: 1_000_000_000, domainPerHour: 0 }, 1);
    expect(await settings.get(signingRateLimits, 2)).toEqual({ ipPerHour: 1_000_000_000, domainPerHour: 0 });
    // Another process's write shows once the cache has expired.
    await store('{"ipPerHour":5,"domainPerHour":6}');
    expect(await settings.get(signingRateLimits, 3)).toEqual({ ipPerHour: 1_000_000_000, domainPerHour: 0 });
    expect(await settings.get(signingRateLimits, 10_003)).toEqual({ ipPerHour: 5, domainPerHour: 6 });
  });

  it('ignores a stored value that does not match its schema, and refuses to store one', async () => {
    const settings = new SettingsRepository(db, 0);
    for (const bad of ['not json', '{"ipPerHour":5}', '{"ipPerHour":-1,"domainPerHour":6}', '"30"']) {
      await store(bad);
      expect(await settings.get(signingRateLimits), bad).toEqual(signingRateLimits.fallback);
    }
    await expect(settings.set(signingRateLimits, { ipPerHour: 1.5, domainPerHour: 6 })).rejects.toThrow();
    const row = await db.kysely.selectFrom('settings').select('value').executeTakeFirstOrThrow();
    expect(row.value).toBe('"30"');
  });
});
