// Targets in Chromium, on the demo, on a phone first: an editor opens the campaign's targets, imports a
// three-row CSV file with one bad row (the report names it before anything is saved), imports the two good
// rows, opens "send a test message to me" for one of them and sends it: the sink receives it for the
// editor, marked as a test, and nothing for the target. Then the partners page, the same pages on a desktop
// and in Arabic (right to left). Screenshots of each.
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { expect, it } from 'vitest';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { testDialects } from '../test/db.js';
import { describeBrowser, desktop, phone, saveScreenshot, shotName, useDemoBrowser } from './browser.js';

const password = 'targets journey password';
const slug = 'kazakhstan-free-erlan-baltabay';

const csv = [
  'name,organisation,email,language,time zone',
  'Minister of Labour,Ministry of Labour and Social Protection,minister@enbek.example.org,ru,Asia/Almaty',
  'Deputy Minister,Ministry of Labour and Social Protection,deputy(at)enbek.example.org,ru,Asia/Almaty',
  'Labour Inspectorate,Ministry of Labour and Social Protection,inspectorate@enbek.example.org,en,Asia/Almaty',
].join('\r\n');

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser.each(testDialects)('targets and partners in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  it('imports targets from CSV on a phone, reports the bad row, sends a test message; desktop and Arabic too', async () => {
    const base = demo.server().url;
    const users = new UserRepository(demo.server().running.db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'editor@example.org',
        name: 'Kofi Boateng',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );

    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/editor/login`);
    await page.getByLabel('Email address').fill('editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/editor`);

    await page.goto(`${base}/editor/campaigns/${slug}`);
    await page.getByRole('link', { name: 'Targets and copy addresses' }).click();
    await page.waitForURL(`${base}/editor/campaigns/${slug}/targets`);
    expect(await page.locator('h1').textContent()).toBe('Targets and copy addresses');
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-list-phone', dialect));

    await page.getByRole('link', { name: 'Import targets from a CSV file' }).click();
    await page.waitForURL(`${base}/editor/campaigns/${slug}/targets/import`);
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.waitForSelector('.import-report');
    expect(await page.locator('.import-rows--error').textContent()).toContain(
      'Row 3: The email address is not valid.',
    );
    expect(await page.locator('.import-report').textContent()).toContain('Nothing is saved yet.');
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-import-report-phone', dialect));

    await page.getByRole('button', { name: 'Import the 2 good rows' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('2 targets imported.');
    const list = await page.locator('.roster-cards').first().textContent();
    expect(list).toContain('minister@enbek.example.org');
    expect(list).toContain('inspectorate@enbek.example.org');
    expect(list).not.toContain('Deputy Minister');
    await fitsPhone(page);

    await page.getByRole('link', { name: 'Send a test message to me' }).click();
    await page.waitForURL(`${base}/editor/campaigns/${slug}/targets/test`);
    await page
      .getByLabel('Target')
      .selectOption({ label: 'Minister of Labour (minister@enbek.example.org)' });
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/targets\/test\?target=\d+$/);
    expect(await page.locator('#test-subject').textContent()).toBe('Free Erlan Baltabay');
    expect(await page.locator('.test-mail__body').textContent()).toContain(
      'I am writing to demand the immediate release',
    );
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-test-message-phone', dialect));

    await page.getByRole('button', { name: 'Send it to me' }).click();
    await expect
      .poll(() => page.locator('.editor-notice').textContent())
      .toBe('The test message is on its way to \u2068editor@example.org\u2069.');
    const sink = demo.server().sink;
    await expect
      .poll(() => sink.messages.filter((m) => m.envelope.to.includes('editor@example.org')).length, {
        timeout: 10_000,
      })
      .toBe(1);
    const test = sink.messages.find((m) => m.envelope.to.includes('editor@example.org'))!;
    expect(test.parsed.subject).toBe('[Test] Free Erlan Baltabay');
    expect(test.parsed.from?.value[0]?.name).toBe('Kofi Boateng via Outcry');
    expect(sink.messages.some((m) => m.envelope.to.includes('minister@enbek.example.org'))).toBe(false);

    await page.goto(`${base}/editor/campaigns/${slug}/partners`);
    expect(await page.locator('h1').textContent()).toBe('Partners');
    await page.getByLabel('Name of the organisation').fill('Building and Wood Workers’ International');
    await page.getByLabel('Website (optional)').fill('https://www.bwint.org');
    const logo = await sharp({
      create: { width: 480, height: 160, channels: 4, background: { r: 0, g: 94, b: 140, alpha: 1 } },
    })
      .png()
      .toBuffer();
    await page
      .getByLabel('Logo (optional)')
      .setInputFiles({ name: 'bwi.png', mimeType: 'image/png', buffer: logo });
    await page.getByRole('button', { name: 'Add the partner' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('The partner is added.');
    const visitor = await context.newPage();
    await visitor.goto(`${base}/en/campaigns/${slug}`);
    expect(await visitor.locator('.partners img').getAttribute('alt')).toBe(
      'Building and Wood Workers’ International',
    );
    await visitor.close();
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-partners-phone', dialect));

    // The same pages on a desktop.
    await page.setViewportSize(desktop);
    await saveScreenshot(page, shotName('targets-partners-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets`);
    await saveScreenshot(page, shotName('targets-list-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets/import`);
    await page.getByLabel('Or paste the rows, with the header row').fill(csv);
    await page.getByRole('button', { name: 'Check the rows' }).click();
    await page.waitForSelector('.import-report');
    expect(await page.locator('.import-report').textContent()).toContain(
      'Row 2: \u2068minister@enbek.example.org\u2069 is already a target or copy address of this campaign.',
    );
    await saveScreenshot(page, shotName('targets-import-report-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets/test`);
    await saveScreenshot(page, shotName('targets-test-message-desktop', dialect));

    // Arabic, right to left.
    await users.update(id, { locale: 'ar' });
    await page.setViewportSize(phone);
    await page.goto(`${base}/editor/campaigns/${slug}/targets`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('الجهات المستهدفة وعناوين النسخ');
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-list-ar-phone', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets/import`);
    await page
      .getByLabel('ملف CSV', { exact: true })
      .setInputFiles({ name: 'targets.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'افحص الملف' }).click();
    await page.waitForSelector('.import-report');
    expect(await page.locator('.import-rows--error').textContent()).toContain(
      'الصف 3: عنوان البريد الإلكتروني غير صالح.',
    );
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-import-report-ar-phone', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets/test`);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('targets-test-message-ar-phone', dialect));
    await page.setViewportSize(desktop);
    await saveScreenshot(page, shotName('targets-test-message-ar-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/targets`);
    await saveScreenshot(page, shotName('targets-list-ar-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${slug}/partners`);
    await saveScreenshot(page, shotName('targets-partners-ar-desktop', dialect));
    await context.close();
  }, 120_000);
});
