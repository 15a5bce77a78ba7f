// The statistics pages in Chromium on the demo with ten days of signatures from many countries, languages
// and sources: a campaign's page at desktop and phone width, in English and in Arabic (right to left),
// nothing wider than a phone, the map's countries hoverable, and the CSV offered. Screenshots of each.

import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Db } from '../src/db/database.js';
import { SignatureRepository } from '../src/db/signature.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { blindIndex, domainIndex } from '../test/blind-index.js';
import { testDialects } from '../test/db.js';
import { erlan } from '../test/sign-helpers.js';
import {
  describeBrowser,
  desktop,
  logInToEditor,
  phone,
  saveScreenshot,
  shotName,
  useDemoBrowser,
} from './browser.js';

const password = 'statistics journey password';
const hour = 3_600_000;
const countries = [
  'KZ',
  'KZ',
  'KZ',
  'RU',
  'BR',
  'PH',
  'PH',
  'GB',
  'FR',
  'EG',
  'NG',
  'ZA',
  'IN',
  'US',
  'AU',
  null,
];
const locales = ['en', 'en', 'ru', 'tl', 'ar', 'en', 'kk'];
const sources = ['mailing-1-en', 'mailing-1-en', 'share', 'partner-ituc', null, null, 'fb'];

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

/** Ten days of Erlan's campaign written as rows, heavier at the launch, then the counts rebuilt. */
async function tenDays(db: Db, now: number): Promise<void> {
  const campaign = await db.kysely
    .selectFrom('campaigns')
    .select('id')
    .where('slug', '=', erlan)
    .executeTakeFirstOrThrow();
  for (let n = 0; n < 600; n++) {
    // Most signatures in the first hours after the launch ten days ago, a tail afterwards.
    const at = now - 240 * hour + Math.floor(((n * n) % 600) ** 1.6 / 4) * 60_000;
    const email = `stats-${n}@example.org`;
    const locale = locales[n % locales.length]!;
    const country = countries[(n * 7) % countries.length] ?? null;
    const status = n % 23 === 0 ? 'pending' : 'confirmed';
    const supporter = await db.kysely
      .insertInto('supporters')
      .values({
        email,
        email_index: blindIndex(email),
        email_domain_index: domainIndex(email),
        name: `S ${n}`,
        locale,
        country,
        union_name: null,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('signatures')
      .values({
        campaign_id: campaign.id,
        supporter_id: supporter.id,
        locale,
        name: `S ${n}`,
        union_name: null,
        country,
        message: 'Free Erlan Baltabay now.',
        source: sources[n % sources.length] ?? null,
        status,
        confirm_token_hash: null,
        ip_hash: null,
        created_at: Math.min(at, now),
        confirmed_at: status === 'confirmed' ? Math.min(at, now) : null,
        confirmation_sent_at: null,
      })
      .execute();
  }
  await new SignatureRepository(db).reconcileCounts();
}

describeBrowser.each(testDialects)('statistics in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  it('shows a campaign’s statistics at desktop and phone width, in English and Arabic', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    await tenDays(db, Date.now());
    const users = new UserRepository(db);
    for (const [email, locale] of [
      ['editor@example.org', 'en'],
      ['arabic@example.org', 'ar'],
    ] as const) {
      const { id } = await users.upsertWithPassword(
        { email, name: 'Nadia Haddad', role: 'editor', passwordHash: await hashPassword(password) },
        Date.now(),
      );
      if (locale !== 'en') await users.update(id, { locale });
      const context = await demo.browser().newContext({ viewport: desktop });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await logInToEditor(page, base, email, password);
      await page.goto(`${base}/editor/campaigns/${erlan}`);
      await page.locator(`a[href="/editor/campaigns/${erlan}/statistics"]`).click();
      await page.waitForURL(`${base}/editor/campaigns/${erlan}/statistics`);
      expect(await page.locator('.world-map__svg path').count()).toBeGreaterThan(170);
      expect(await page.locator('path[data-country="KZ"] title').textContent()).toMatch(/\d/);
      expect(await page.locator(`a[href="/editor/campaigns/${erlan}/statistics.csv"]`).count()).toBe(1);
      await saveScreenshot(page, shotName(`statistics-desktop-${locale}`, dialect));
      await page.setViewportSize(phone);
      await page.reload();
      await fitsPhone(page);
      await saveScreenshot(page, shotName(`statistics-phone-${locale}`, dialect));
      await page.goto(`${base}/editor/statistics`);
      await fitsPhone(page);
      await page.setViewportSize(desktop);
      await saveScreenshot(page, shotName(`statistics-site-desktop-${locale}`, dialect), false);
      await context.close();
    }
  }, 180_000);
});
