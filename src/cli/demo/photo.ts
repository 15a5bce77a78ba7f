// The demo campaign's picture: a campaign poster drawn here as SVG, rasterised, then stored through the image
// store like any upload (re-encoded, with the narrower copies and size file every photo gets), so a newcomer
// sees the photo at the top of the page, sized for the screen. Running it again changes nothing.
import sharp from 'sharp';
import type { Db } from '../../db/database.js';
import type { ImageStore } from '../../domain/shared/image.ports.js';
import { demoCampaignSlug } from './seed.js';

const alt = 'Campaign poster: "Free Erlan Baltabay", a union leader jailed in Kazakhstan for union activity';

const poster = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 1600 900">
  <rect width="1600" height="900" fill="#b3121b"/>
  <g fill="#8a0d14">${Array.from({ length: 9 }, (_, i) => `<rect x="${90 + i * 180}" y="0" width="36" height="900"/>`).join('')}</g>
  <rect x="0" y="250" width="1600" height="400" fill="#1b1b1f" opacity="0.92"/>
  <text x="800" y="420" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold"
    font-size="132" fill="#ffffff" letter-spacing="4">FREE ERLAN</text>
  <text x="800" y="560" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold"
    font-size="132" fill="#ffffff" letter-spacing="4">BALTABAY</text>
  <text x="800" y="760" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-size="48"
    fill="#ffffff">Seven years in prison for union activity</text>
</svg>`;

export async function seedDemoPhoto(db: Db, images: ImageStore): Promise<{ stored: boolean }> {
  const campaign = await db.kysely
    .selectFrom('campaigns')
    .select(['id', 'photo_path', 'source_locale'])
    .where('slug', '=', demoCampaignSlug)
    .executeTakeFirst();
  if (!campaign || campaign.photo_path) return { stored: false };
  // The store takes only raster formats (an uploaded SVG can carry scripts): rasterise first.
  const png = await sharp(Buffer.from(poster)).png().toBuffer();
  const stored = await images.store({ bytes: png, filename: 'poster.png', truncated: false }, 'photo');
  if ('error' in stored) throw new Error(`demo poster refused: ${stored.error}`);
  await db.kysely.transaction().execute(async (trx) => {
    await trx
      .updateTable('campaigns')
      .set({ photo_path: stored.path })
      .where('id', '=', campaign.id)
      .execute();
    await trx
      .updateTable('campaign_translations')
      .set({ photo_alt: alt })
      .where('campaign_id', '=', campaign.id)
      .where('locale', '=', campaign.source_locale)
      .execute();
  });
  return { stored: true };
}
