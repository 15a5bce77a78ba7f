// The corrections layer across processes, on each database: two layers over one database stand for two web
// processes. A correction stored through one shows in the other once its TTL has passed and it reads the
// moved version number; within the TTL it answers without a read. Languages without corrections keep their
// revision, so their cached pages stay valid.
import { afterEach, describe, expect, it } from 'vitest';
import { insertUser, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { InterfaceOverrideRepository } from '../db/interface-override.repository.js';
import { InterfaceOverrideLayer } from './override-layer.js';
import { shippedCatalogs, translatorFor } from './translator.js';

const key = 'layout.skipToContent';

describe.each(testDialects)('interface override layer on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });
  afterEach(async () => {
    // Leave this process's translators as shipped.
    await new InterfaceOverrideLayer({ version: async () => -2, active: async () => [] }).refresh();
  });

  it('reads the version at most once per TTL and applies what another process stored', async () => {
    const store = new InterfaceOverrideRepository(db);
    const actor = {
      id: await insertUser(db, { email: 'ar@example.org', name: 'Amal', role: 'translator' }, 0),
      email: 'ar@example.org',
    };
    const shipped = shippedCatalogs().get('ar')![key]!.message;
    const web1 = new InterfaceOverrideLayer(store, { ttlMs: 60_000 });
    await web1.refresh();
    expect(web1.fresh()).toBe(true);
    const ar = translatorFor('ar');
    const fr = translatorFor('fr');
    const frRevision = fr.revision;
    expect(ar.t(key)).toBe(shipped);

    // "Another process" stores a correction: web1 keeps answering from memory until its TTL runs out.
    const change = {
      locale: 'ar',
      key,
      message: 'تخطَّ إلى المحتوى',
      previousMessage: shipped,
      sourceHash: 'x',
      reviewed: true,
    };
    await store.save([change], actor, 1);
    expect(await store.version()).toBe(1);
    expect(web1.fresh()).toBe(true);
    expect(ar.t(key)).toBe(shipped);

    const revision = ar.revision;
    web1.invalidate();
    expect(web1.fresh()).toBe(false);
    await web1.refresh();
    expect(ar.t(key)).toBe('تخطَّ إلى المحتوى');
    expect(ar.has(key)).toBe(true);
    expect(ar.revision).not.toBe(revision);
    expect(fr.revision).toBe(frRevision);

    // A second process over the same database starts with the same corrections.
    const web2 = new InterfaceOverrideLayer(store, { ttlMs: 0 });
    await store.save([{ ...change, message: null, previousMessage: change.message }], actor, 2);
    await web2.refresh();
    expect(ar.t(key)).toBe(shipped);
    expect(await store.list('ar')).toMatchObject([{ key, message: null, reviewedAt: 2 }]);
  });
});
