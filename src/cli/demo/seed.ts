// Puts the demo campaigns, the partnership terms and one waiting union request into a database once;
// running it again changes nothing. Used by `outcry demo`, the journeys in e2e/ and route tests that want
// the real seeded texts.
import { CampaignRepository } from '../../db/campaign.repository.js';
import type { Db } from '../../db/database.js';
import { seedIntake } from './campaign-request.js';
import { erlanBaltabay, erlanBaltabayUpdates } from './erlan-baltabay.js';
import { belarusNotExtremism, zhanaozen } from './other-campaigns.js';

export const demoCampaignSlug = 'kazakhstan-free-erlan-baltabay';

export async function seedDemo(db: Db, now: number): Promise<{ created: string[] }> {
  const campaigns = new CampaignRepository(db);
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
  await seedIntake(db, now);
  return { created };
}
