// Puts the demo campaigns into a database once; running it again changes nothing. Used by `outcry demo`,
// the journeys in e2e/ and route tests that want the real seeded texts.
import { CampaignRepository } from '../../db/campaign.repository.js';
import type { Db } from '../../db/database.js';
import { erlanBaltabay } from './erlan-baltabay.js';
import { belarusNotExtremism, zhanaozen } from './other-campaigns.js';

export const demoCampaignSlug = 'kazakhstan-free-erlan-baltabay';

export async function seedDemo(db: Db, now: number): Promise<{ created: string[] }> {
  const campaigns = new CampaignRepository(db);
  const created: string[] = [];
  for (const campaign of [zhanaozen(now), belarusNotExtremism(now), erlanBaltabay(now)]) {
    if (await campaigns.findBySlug(campaign.slug)) continue;
    await campaigns.create(campaign, now);
    created.push(campaign.slug);
  }
  return { created };
}
