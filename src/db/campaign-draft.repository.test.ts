// The draft campaign store with the one creation use case, on each database: unique slugs from headlines
// (-2, -3 …, skipping other campaigns' old slugs, also when editors create at once), a given slug refused
// when taken, and what a draft holds: its source text as a draft, and the audit entry.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { FakeClock } from '../../test/fake-clock.js';
import { createCampaign } from '../domain/campaign/create-campaign.js';
import { CampaignDraftRepository } from './campaign-draft.repository.js';
import { UserRepository } from './user.repository.js';

describe.each(testDialects)('draft campaigns on %s', (dialect) => {
  let db: TestDb;
  let deps: { drafts: CampaignDraftRepository; clock: FakeClock };
  let actor: { id: number; email: string };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    deps = { drafts: new CampaignDraftRepository(db), clock: new FakeClock() };
    const { id } = await new UserRepository(db).upsertWithPassword(
      { email: 'editor@example.org', name: 'Editor', role: 'editor', passwordHash: 'x' },
      deps.clock.now(),
    );
    actor = { id, email: 'editor@example.org' };
  });

  it('makes a unique slug from the headline, trying -2, -3 … and skipping old slugs', async () => {
    const input = { headline: 'Korea: Reinstate the nurses', sourceLocale: 'ko' };
    const first = await createCampaign(deps, actor, input);
    expect(first).toMatchObject({ status: 'created', slug: 'korea-reinstate-the-nurses' });
    const second = await createCampaign(deps, actor, input);
    expect(second).toMatchObject({ status: 'created', slug: 'korea-reinstate-the-nurses-2' });
    // Another campaign used -3 before it was renamed: its old links must keep working.
    await db.kysely
      .insertInto('campaign_slugs')
      .values({
        slug: 'korea-reinstate-the-nurses-3',
        campaign_id: (first as { id: number }).id,
        created_at: 0,
      })
      .execute();
    const fourth = await createCampaign(deps, actor, input);
    expect(fourth).toMatchObject({ status: 'created', slug: 'korea-reinstate-the-nurses-4' });

    const arabic = await createCampaign(deps, actor, {
      headline: 'أطلقوا سراح النقابيين',
      sourceLocale: 'ar',
    });
    expect(arabic).toMatchObject({ status: 'created', slug: 'campaign' });
    const reserved = await createCampaign(deps, actor, { headline: 'New', sourceLocale: 'en' });
    expect(reserved).toMatchObject({ status: 'created', slug: 'new-2' });

    const row = await db.kysely
      .selectFrom('campaign_translations')
      .selectAll()
      .where('campaign_id', '=', (first as { id: number }).id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      locale: 'ko',
      status: 'draft',
      headline: 'Korea: Reinstate the nurses',
      target_subject: 'Korea: Reinstate the nurses',
      background_md: '',
    });
    const audit = await db.kysely
      .selectFrom('audit_events')
      .select(['actor_email', 'entity_type'])
      .where('action', '=', 'campaign.created')
      .execute();
    expect(audit).toHaveLength(5);
    expect(audit.every((a) => a.entity_type === 'campaign' && a.actor_email === 'editor@example.org')).toBe(
      true,
    );
  });

  it('gives two editors creating the same headline at once two campaigns', async () => {
    const input = { headline: 'Poland: Reinstate Marek Szymczak', sourceLocale: 'pl' };
    const results = await Promise.all([1, 2, 3].map(() => createCampaign(deps, actor, input)));
    const slugs = results.map((r) => (r.status === 'created' ? r.slug : r.status)).sort();
    expect(slugs).toEqual([
      'poland-reinstate-marek-szymczak',
      'poland-reinstate-marek-szymczak-2',
      'poland-reinstate-marek-szymczak-3',
    ]);
  });

  it('refuses a given slug that is taken instead of changing it', async () => {
    const base = { headline: 'Cambodia: Solidarity with the West Mebun temple workers', sourceLocale: 'km' };
    expect(await createCampaign(deps, actor, { ...base, slug: 'cambodia-mebun' })).toMatchObject({
      status: 'created',
      slug: 'cambodia-mebun',
    });
    expect(await createCampaign(deps, actor, { ...base, slug: 'cambodia-mebun' })).toEqual({
      status: 'invalid',
      errors: { slug: 'SlugTaken' },
    });
  });
});
