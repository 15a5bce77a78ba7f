// `outcry keys rotate`: after a new key is put first, every stored personal value ends up sealed under it
// with progress printed, the site still reads everything (and finds people by address), and a second run
// has nothing left to do. `outcry keys reindex`: under a new INDEX_KEY every address index is recomputed;
// dedupe, my-data lookups and erasure refusal keep working, during the reindex and after; the old key
// no longer finds anyone.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { signupCommand } from '../../test/signup-helpers.js';
import { CampaignRepository } from '../db/campaign.repository.js';
import { type Db, openDb } from '../db/database.js';
import { ListAdminRepository } from '../db/list-admin.repository.js';
import { ListMemberRepository } from '../db/list-member.repository.js';
import { PrivacyRepository } from '../db/privacy.repository.js';
import { BatchedSignatureWriter } from '../db/signature.writer.js';
import { UserRepository } from '../db/user.repository.js';
import { importSubscribers } from '../domain/list-admin/import-subscribers.js';
import { DataVault, developmentDataKey } from '../security/data-keys.js';
import { erasedEmailKey } from '../security/email-key.js';
import { runKeys } from './keys.js';

describe.each(testDialects)('outcry keys on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('rotate seals every value under the newest key, resumably', async () => {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), Date.UTC(2026, 10, 1));
    const writer = new BatchedSignatureWriter(db);
    for (let i = 0; i < 7; i++)
      await writer.record(buildSignCommand(campaignId, { email: `p${i}@example.org` }));
    await new ListMemberRepository(db).requestSignup(signupCommand('rosa@example.org'));

    // The operator puts a new key first and keeps the old one after it.
    const rotated = {
      ...db,
      vault: DataVault.fromText(`next:${randomBytes(32).toString('base64')} ${developmentDataKey}`),
    };
    const lines: string[] = [];
    const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
    expect(await runKeys(['rotate', '--batch', '3', '--pause-ms', '0'], rotated, io)).toBe(0);
    expect(lines).toContain('supporters: 3/8 rows looked at, 6 values sealed again');
    expect(lines.at(-1)).toMatch(/^Done: \d+ values sealed again; every value is under key next\.$/);

    const raw = await db.kysely
      .withoutPlugins()
      .selectFrom('signatures')
      .select(['name', 'message'])
      .execute();
    for (const r of raw) {
      expect(r.name.startsWith('e2.next.')).toBe(true);
      expect(r.message.startsWith('e2.next.')).toBe(true);
    }
    // Read back with the rotated key ring: names open, and the address index did not move.
    const site = openDb({
      url: db.url,
      ...(db.searchPath ? { searchPath: db.searchPath } : {}),
      vault: rotated.vault,
    });
    try {
      const names = await site.kysely.selectFrom('signatures').select('name').execute();
      expect(names.map((n) => n.name)).toEqual(Array(7).fill('Kim Min-ji'));
      expect(await new PrivacyRepository(site).findSupporter('p3@example.org')).toBeDefined();
    } finally {
      await site.close();
    }

    lines.length = 0;
    expect(await runKeys(['rotate', '--pause-ms', '0'], rotated, io)).toBe(0);
    expect(lines.at(-1)).toBe('Done: 0 values sealed again; every value is under key next.');

    lines.length = 0;
    expect(await runKeys(['status'], rotated, io)).toBe(0);
    expect(lines).toContain('signatures.name  next: 7');
    expect(await runKeys(['spin'], rotated, io)).toBe(2);
  });

  it('reindex moves every address index to a new INDEX_KEY, with the site writing meanwhile', async () => {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), Date.UTC(2026, 10, 1));
    const sign = (writerDb: Db, email: string) =>
      new BatchedSignatureWriter(writerDb).record(buildSignCommand(campaignId, { email }));
    for (let i = 0; i < 6; i++) await sign(db, `p${i}@example.org`);
    // One person erased themselves: the record keeps a keyed hash (APP_SECRET), never the address.
    const secret = 'test-secret';
    const keyed = (c: string) => erasedEmailKey(secret, c);
    const before = new PrivacyRepository(db);
    const gone = await before.findSupporter('p5@example.org');
    await before.erase({ supporterId: gone!.id, via: 'self', now: 9, keyedHash: keyed });

    const fresh = `ix2:${randomBytes(32).toString('base64')}`;
    const open = (vault: DataVault) =>
      openDb({ url: db.url, ...(db.searchPath ? { searchPath: db.searchPath } : {}), vault });
    // Step 1: every process restarts with the new index key first and the one in use after it.
    const during = open(DataVault.fromText(developmentDataKey, `${fresh} ${developmentDataKey}`));
    const after = open(DataVault.fromText(developmentDataKey, fresh));
    const oldOnly = open(DataVault.fromText(developmentDataKey));
    try {
      // The site writes before the reindex reaches anyone: a re-signer is still the same supporter.
      await sign(during, 'P0@example.org');
      await sign(during, 'new@example.org');
      const supporters = async () =>
        Number(
          (
            await db.kysely
              .selectFrom('supporters')
              .select((eb) => eb.fn.countAll<number | string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect(await supporters()).toBe(7);
      expect(await new PrivacyRepository(during).findSupporter('p3@example.org')).toBeDefined();

      // Step 2: the reindex, in batches with progress.
      const lines: string[] = [];
      const io = { out: (l: string) => lines.push(l), err: (l: string) => lines.push(`ERR ${l}`) };
      expect(await runKeys(['reindex', '--batch', '3', '--pause-ms', '0'], during, io)).toBe(0);
      expect(lines).toContain('supporters: 3/7 rows looked at, 3 indexed again');
      // `new` was written under the new key, the erased row has nothing to index; p0's address index
      // moved when it signed again, its domain index moves now.
      expect(lines.at(-1)).toBe(
        'Done: 5 supporters indexed again; every address is indexed under key ix2. Remove the earlier keys from INDEX_KEY and restart every process.',
      );
      lines.length = 0;
      expect(await runKeys(['reindex', '--pause-ms', '0'], after, io)).toBe(0);
      expect(lines.at(-1)).toBe('Done: 0 supporters indexed again; every address is indexed under key ix2.');

      // Step 3: the old key gone. Dedupe, my-data and the domain index all use the new key.
      await sign(after, 'p1@EXAMPLE.org');
      expect(await supporters()).toBe(7);
      const site = new PrivacyRepository(after);
      for (const email of ['p0@example.org', 'p4@example.org', 'new@example.org']) {
        expect(await site.findSupporter(email)).toBeDefined();
      }
      const row = await after.kysely
        .selectFrom('supporters')
        .select(['email_index', 'email_domain_index'])
        .where('id', '=', (await site.findSupporter('p2@example.org'))!.id)
        .executeTakeFirstOrThrow();
      expect(row.email_domain_index).toBe(after.vault.domainIndex('x@example.org'));
      expect(row.email_domain_index).not.toBe(oldOnly.vault.domainIndex('x@example.org'));
      // The erased person is still refused by a list import.
      const editor = Number(
        (
          await new UserRepository(db).upsertWithPassword(
            { email: 'editor@example.org', name: 'Editor', role: 'editor', passwordHash: '' },
            1,
          )
        ).id,
      );
      const imported = await importSubscribers(
        { lists: new ListAdminRepository(after), clock: { now: () => 10 }, erasedKey: keyed },
        {
          locale: 'en',
          consentSource: 'union list, double opt-in',
          file: { bytes: new TextEncoder().encode('Name;E-mail\nGone;p5@example.org\n'), truncated: false },
          maxMb: 8,
          actor: { id: editor, email: 'editor@example.org' },
        },
      );
      expect(imported.status === 'done' && imported.report.rows.map((r) => r.outcome)).toEqual(['erased']);
      // The old index key finds no one any more.
      expect(await new PrivacyRepository(oldOnly).findSupporter('p3@example.org')).toBeUndefined();
      expect(row.email_index).not.toBe(oldOnly.vault.index('p2@example.org'));
    } finally {
      await Promise.all([during.close(), after.close(), oldOnly.close()]);
    }
  });
});
