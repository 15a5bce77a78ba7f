// `outcry keys rotate`: after a new key is put first, every stored personal value ends up sealed under it
// with progress printed, the site still reads everything (and finds people by address), and a second run
// has nothing left to do.
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, type TestDb, testDialects } from '../../test/db.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { signupCommand } from '../../test/signup-helpers.js';
import { CampaignRepository } from '../db/campaign.repository.js';
import { openDb } from '../db/database.js';
import { ListMemberRepository } from '../db/list-member.repository.js';
import { PrivacyRepository } from '../db/privacy.repository.js';
import { BatchedSignatureWriter } from '../db/signature.writer.js';
import { DataVault, developmentDataKey } from '../security/data-keys.js';
import { runKeys } from './keys.js';

describe.each(testDialects)('outcry keys on %s', (dialect) => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb(dialect);
  });
  afterEach(async () => db.destroy());

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
      expect(r.name.startsWith('e1.next.')).toBe(true);
      expect(r.message.startsWith('e1.next.')).toBe(true);
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
});
