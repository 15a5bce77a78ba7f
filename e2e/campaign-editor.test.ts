// The campaign editor in Chromium, on the demo: an editor opens the demo campaign's editor, rewrites the
// background while the preview beside it follows the typing, saves, uploads a photo with its description,
// and sees both on the public page; then the preview of a language version and the editor in Arabic.
// Screenshots at phone and desktop width.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { demoCampaignSlug } from '../src/cli/demo/seed.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'campaign editor journey password';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('campaign editor in Chromium', () => {
  const demo = useDemoBrowser();

  it('edits the background with the live preview, uploads a photo, saves, and the public page shows both', async () => {
    const base = demo.server().url;
    const users = new UserRepository(demo.server().running.db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'editor@example.org',
        name: 'Amaka Okafor',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    const dir = mkdtempSync(join(tmpdir(), 'outcry-photo-'));
    const photo = join(dir, 'erlan.jpg');
    // A picture with a recognisable shape: a red field with a white band, larger than the page needs.
    writeFileSync(
      photo,
      await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#8a0d14' } })
        .composite([
          {
            input: await sharp({ create: { width: 2400, height: 300, channels: 3, background: '#ffffff' } })
              .png()
              .toBuffer(),
            top: 650,
            left: 0,
          },
        ])
        .jpeg()
        .toBuffer(),
    );

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/editor/login`);
      await page.getByLabel('Email address').fill('editor@example.org');
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/editor`);

      await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}`);
      await page.getByRole('link', { name: 'Edit texts, photo and settings' }).click();
      await page.waitForURL(`${base}/editor/campaigns/${demoCampaignSlug}/edit`);
      expect(await page.locator('h1').textContent()).toContain('Kazakhstan: Erlan Baltabay sentenced');

      // The preview follows the typing (editor-preview.js asks the server for the public page's rendering).
      const background = page.getByLabel('Background');
      await background.fill('');
      await background.pressSequentially(
        'The court **upheld** the sentence on appeal.\n\nWrite to *the authorities* today.',
        {
          delay: 5,
        },
      );
      const preview = page.locator('#background-preview');
      await expect
        .poll(() => preview.innerHTML())
        .toBe(
          '<p>The court <strong>upheld</strong> the sentence on appeal.</p>\n<p>Write to <em>the authorities</em> today.</p>\n',
        );
      await page.locator('#texts').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'campaign-editor-texts-desktop', false);
      await page.getByRole('button', { name: 'Save texts' }).click();
      await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The texts are saved.');

      await page.locator('#photo-file').setInputFiles(photo);
      await page.getByLabel('Description of the photo in English').fill('Erlan Baltabay at a union meeting');
      await page.getByRole('button', { name: 'Save photo' }).click();
      await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The photo is saved.');
      expect(await page.locator('.edit-photo img').getAttribute('src')).toMatch(
        /^\/media\/[0-9a-f]{32}\.jpg$/,
      );
      await saveScreenshot(page, 'campaign-editor-desktop');

      const visitor = await context.newPage();
      await visitor.goto(`${base}/en/campaigns/${demoCampaignSlug}`);
      expect(await visitor.locator('.background').innerHTML()).toContain('The court <strong>upheld</strong>');
      const img = visitor.locator('img.campaign-photo');
      expect(await img.getAttribute('alt')).toBe('Erlan Baltabay at a union meeting');
      await img.scrollIntoViewIfNeeded();
      // The upload in full and its narrower copies (decision 0024): the browser loads the one that fits.
      expect(await img.getAttribute('srcset')).toMatch(/ 1600w/);
      expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(400);
      expect(await visitor.locator('section.updates').textContent()).toContain(
        "Erlan Baltabay's appeal was rejected",
      );
      await saveScreenshot(visitor, 'campaign-editor-public-desktop');
      await visitor.setViewportSize(phone);
      await fitsPhone(visitor);
      await saveScreenshot(visitor, 'campaign-editor-public-phone');
      await visitor.goto(`${base}/ar/campaigns/${demoCampaignSlug}`);
      expect(await visitor.locator('#updates').textContent()).toBe('آخر المستجدات');
      await fitsPhone(visitor);
      await saveScreenshot(visitor, 'campaign-editor-public-ar-phone');
      await visitor.close();

      // The editor at phone width, and the preview of the Tagalog version (form switched off).
      await page.setViewportSize(phone);
      await page.reload();
      await fitsPhone(page);
      await saveScreenshot(page, 'campaign-editor-phone');
      await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/preview/tl`);
      expect(await page.locator('.banner').first().textContent()).toContain('Preview — not public.');
      expect(await page.locator('.sign-form button[type="submit"]').isDisabled()).toBe(true);
      await fitsPhone(page);
      await saveScreenshot(page, 'campaign-editor-preview-tl-phone');

      // The closed Zhanaozen campaign continues in the Erlan Baltabay campaign.
      const closed = 'kazakhstan-freedom-for-zhanaozen-oil-workers';
      await page.goto(`${base}/editor/campaigns/${closed}/edit#successor`);
      await page.getByLabel('This campaign continues in').selectOption(demoCampaignSlug);
      await page.getByRole('button', { name: 'Save follow-up' }).click();
      await expect
        .poll(() => page.locator('.editor-notice').textContent())
        .toBe('The follow-up campaign is saved.');
      await page.goto(`${base}/en/campaigns/${closed}`);
      expect(await page.locator('.notice--important').textContent()).toBe(
        'This campaign continues: Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity',
      );
      await fitsPhone(page);
      await saveScreenshot(page, 'campaign-editor-successor-phone');

      // In Arabic, right to left.
      await users.update(id, { locale: 'ar' });
      await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/edit`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      await page.getByLabel('الرسائل في الساعة', { exact: false }).fill('abc');
      await page.getByRole('button', { name: 'حفظ الإعدادات' }).click();
      await expect
        .poll(() => page.locator('#settings .error-summary').textContent())
        .toContain('أدخل عددًا صحيحًا.');
      await fitsPhone(page);
      await saveScreenshot(page, 'campaign-editor-ar-phone');
      await page.setViewportSize(desktop);
      await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/edit`);
      await saveScreenshot(page, 'campaign-editor-ar-desktop');
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
