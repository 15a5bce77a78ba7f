// The export's keyset batches on both databases: every counted signer exactly once, oldest first, also when
// signers share a confirmation time across the end of a batch (the seek on confirmed_at must not skip them).
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign } from '../../test/factories.js';
import { CampaignRepository } from './campaign.repository.js';
import { PetitionStore } from './petition.store.js';

const t0 = Date.UTC(2026, 10, 1);

describe.each(testDialects)('petition export batches on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('yields every signer once in (confirmed_at, id) order across batches with tied times', async () => {
    const campaignId = await new CampaignRepository(db).create(buildCampaign(), t0);
    // Times: three signers share t0 + 2 and two share t0 + 5, so ties fall across batches of two.
    const times = [1, 2, 2, 2, 3, 5, 5].map((d) => t0 + d);
    for (const [i, at] of times.entries()) {
      const email = `s${i}@example.org`;
      const { id } = await db.kysely
        .insertInto('supporters')
        .values({
          email,
          email_index: db.vault.index(email),
          email_domain_index: db.vault.domainIndex(email),
          name: `Signer ${i}`,
          locale: 'en',
          country: 'BY',
          union_name: null,
          created_at: t0,
          updated_at: t0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.kysely
        .insertInto('signatures')
        .values({
          campaign_id: campaignId,
          supporter_id: id,
          locale: 'en',
          name: `Signer ${i}`,
          union_name: null,
          country: 'BY',
          message: 'Free them.',
          source: null,
          status: 'confirmed',
          petition_anonymous: 0,
          created_at: at,
          confirmed_at: at,
        })
        .execute();
    }
    const filter = { country: null, locale: null, from: null, to: null };
    const seen: string[] = [];
    const sizes: number[] = [];
    for await (const batch of new PetitionStore(db).signers(campaignId, filter, 2)) {
      sizes.push(batch.length);
      for (const row of batch) seen.push(row.name ?? '');
    }
    expect(seen).toEqual(times.map((_, i) => `Signer ${i}`));
    expect(sizes).toEqual([2, 2, 2, 1]);
  });
});
