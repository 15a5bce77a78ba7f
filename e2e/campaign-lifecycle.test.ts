// The lifecycle in Chromium, on the demo: an editor opens Campaigns, launches a campaign that was waiting
// for review, extends it, closes it with an outcome (the public page shows the closed banner and the
// outcome at once), and reopens it; then the same pages in Arabic. Screenshots at phone and desktop width.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { buildCampaign } from '../test/factories.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'lifecycle journey password';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('campaign lifecycle in Chromium', () => {
  const demo = useDemoBrowser();

  it('an editor launches, extends, closes with an outcome and reopens a campaign; also in Arabic', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const users = new UserRepository(db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'editor@example.org',
        name: 'Kofi Boateng',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    const review = buildCampaign({
      slug: 'korea-reinstate-the-nurses',
      status: 'in_review',
    });
    await new CampaignRepository(db).create(review, Date.now());

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/editor/login`);
    await page.getByLabel('Email address').fill('editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/editor`);

    await page.getByRole('link', { name: 'Campaigns' }).first().click();
    await page.waitForURL(`${base}/editor/campaigns`);
    expect(await page.locator('h2').allTextContents()).toEqual(['Live (2)', 'In review (1)', 'Closed (1)']);
    await saveScreenshot(page, 'lifecycle-list-desktop');

    await page.getByRole('link', { name: 'Korea: Reinstate the dismissed nurses' }).click();
    await page.waitForURL(`${base}/editor/campaigns/${review.slug}`);
    await saveScreenshot(page, 'lifecycle-review-desktop');
    await page.getByRole('button', { name: 'Launch now' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The campaign is live.');

    await page.getByLabel('End date').fill('2099-01-01');
    await page.getByRole('button', { name: 'Extend' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The end date is changed.');
    expect(await page.locator('.editor-facts').textContent()).toContain(
      'January 1, 2099, end of the day (UTC)',
    );
    await saveScreenshot(page, 'lifecycle-live-desktop');

    await page
      .getByLabel('Outcome in English (optional)')
      .fill('**Won.** All twelve nurses are back at work.');
    await page.getByRole('button', { name: 'Close the campaign' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The campaign is closed.');
    const visitor = await context.newPage();
    await visitor.goto(`${base}/en/campaigns/${review.slug}`);
    expect(await visitor.locator('.banner--closed').textContent()).toContain('This campaign is closed.');
    expect(await visitor.locator('.outcome').textContent()).toContain(
      'Won. All twelve nurses are back at work.',
    );
    await visitor.close();

    await page.setViewportSize(phone);
    await fitsPhone(page);
    await saveScreenshot(page, 'lifecycle-closed-phone');
    await page.getByRole('button', { name: 'Reopen' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The campaign is live again.');
    await fitsPhone(page);
    await saveScreenshot(page, 'lifecycle-live-phone');
    await page.goto(`${base}/editor/campaigns`);
    await fitsPhone(page);
    await saveScreenshot(page, 'lifecycle-list-phone');

    // The same pages in Arabic, right to left.
    await users.update(id, { locale: 'ar' });
    await page.goto(`${base}/editor/campaigns`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('الحملات');
    await fitsPhone(page);
    await saveScreenshot(page, 'lifecycle-list-ar-phone');
    await page.goto(`${base}/editor/campaigns/${review.slug}`);
    await page.getByLabel('تاريخ الانتهاء').fill('2000-01-01');
    await page.getByRole('button', { name: 'مدّد' }).click();
    expect(await page.locator('.field-error').textContent()).toBe('يجب أن يكون تاريخ الانتهاء في المستقبل.');
    await fitsPhone(page);
    await saveScreenshot(page, 'lifecycle-live-ar-phone');
    await page.setViewportSize(desktop);
    await saveScreenshot(page, 'lifecycle-live-ar-desktop');
    await page.goto(`${base}/editor/campaigns`);
    await saveScreenshot(page, 'lifecycle-list-ar-desktop');
    await context.close();
  }, 90_000);
});
