// Puts the demo campaigns, the partnership terms and one waiting union request into a database once;
// running it again changes nothing. Used by `outcry demo`, the journeys in e2e/ and route tests that want
// the real seeded texts; each gives it the campaign store of its own services.
import type { Db } from '../../db/database.js';
import type { CampaignReader, CampaignWriter } from '../../domain/campaign/campaign.ports.js';
import { seedCampaignRequest } from './campaign-request.js';
import { erlanBaltabay, erlanBaltabayUpdates } from './erlan-baltabay.js';
import { belarusNotExtremism, zhanaozen } from './other-campaigns.js';

export const demoCampaignSlug = 'kazakhstan-free-erlan-baltabay';

/**
 * The demo campaign's id while the supporters a seeding step writes are still to come: undefined when the
 * campaign is missing or the step ran before (its first supporter, `markerEmail`, is there).
 */
export async function demoCampaignToSeed(db: Db, markerEmail: string): Promise<number | undefined> {
  const campaign = await db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where('slug', '=', demoCampaignSlug)
    .executeTakeFirst();
  if (!campaign) return undefined;
  const seeded = await db.kysely
    .selectFrom('supporters')
    .select('id')
    .where('email_index', '=', db.vault.index(markerEmail))
    .executeTakeFirst();
  return seeded ? undefined : Number(campaign.id);
}

export interface SeedServices {
  /** The database, for the rows that go in as installed data: updates, terms, a request (no audit, no mail). */
  db: Db;
  /** Campaigns are created like any other. */
  campaignStore: Pick<CampaignReader, 'findBySlug'> & CampaignWriter;
}

export async function seedDemo(
  { db, campaignStore: campaigns }: SeedServices,
  now: number,
): Promise<{ created: string[] }> {
  const created: string[] = [];
  for (const campaign of [zhanaozen(now), belarusNotExtremism(now), erlanBaltabay(now)]) {
    if (await campaigns.findBySlug(campaign.slug)) continue;
    const id = await campaigns.create(campaign, now);
    created.push(campaign.slug);
    // Seed data, like the campaigns themselves: nobody acted, so no audit entry.
    if (campaign.slug === demoCampaignSlug) {
      await db.kysely
        .insertInto('campaign_updates')
        .values(
          erlanBaltabayUpdates(now).map((u) => ({
            campaign_id: id,
            day: u.day,
            locale: u.locale,
            body_md: u.bodyMd,
            created_by: null,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
  }
  await seedCampaignRequest(db, now);
  return { created };
}
