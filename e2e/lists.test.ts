// The lists page in Chromium, on the demo, on a phone first: an editor opens Lists from the navigation,
// imports a four-row CSV file into the Spanish list (one row is not an address, one repeats another), sees
// its progress (one line per step, the last shown) and the report, then the list's count, then the suppressed
// addresses. The same pages on a desktop and in Arabic
// (right to left). Screenshots of each.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { insertSupporter, suppressed } from '../test/list-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'lists journey password';
const csv = [
  'email,name,country',
  'maria@example.org,María López,ES',
  'not an address,Someone,',
  'jorge@example.org,Jorge,AR',
  'Maria+lists@example.org,María again,',
].join('\r\n');

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('lists in Chromium', () => {
  const demo = useDemoBrowser();

  it('imports a small CSV on a phone and shows the count and the report; desktop and Arabic too', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const users = new UserRepository(db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'lists-editor@example.org',
        name: 'Kofi Boateng',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    await insertSupporter(db.kysely, 'gone.away@example.net', suppressed(Date.now(), 'hard_bounce'));

    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/editor/login`);
    await page.getByLabel('Email address').fill('lists-editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/editor`);

    await page.getByRole('link', { name: 'Lists', exact: true }).click();
    await page.waitForURL(`${base}/editor/lists`);
    expect(await page.locator('h1').textContent()).toBe('Mailing lists');
    await fitsPhone(page);
    await saveScreenshot(page, 'lists-phone');

    await page.getByLabel('List (language)').selectOption('es');
    await page
      .getByLabel('Where and how these people agreed to receive mail')
      .fill('Madrid branch sign-up sheet, double opt-in, exported 2026-11-30');
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'spanish.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.waitForSelector('.import-report');
    const report = await page.locator('.import-report').textContent();
    expect(report).toContain('4 rows read.');
    expect(report).toContain('Row 3 · Not an email address');
    expect(report).toContain('Row 5 · Repeats an earlier row');
    expect(await page.locator('.import-report dl').textContent()).toContain('Added2');
    // The streamed steps: only the last line shows, with no script; the bar is full.
    const steps = page.locator('.import-step');
    expect(await steps.count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.import-step:visible').count()).toBe(1);
    expect(await steps.last().textContent()).toContain('Saving: 4 of 4 records.');
    expect(await steps.last().locator('progress').getAttribute('value')).toBe('4');
    await fitsPhone(page);
    await saveScreenshot(page, 'lists-import-report-phone');
    await page.setViewportSize(desktop);
    await saveScreenshot(page, 'lists-import-report-desktop');
    await page.setViewportSize(phone);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the report of every row (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('import-report.csv');
    await page.getByRole('link', { name: 'Back to the lists' }).click();
    await page.waitForURL(`${base}/editor/lists`);
    const spanish = page.locator('.editor-list__item', { hasText: 'Spanish (es)' }).first();
    expect(await spanish.locator('dd').first().textContent()).toBe('2');

    await page.getByRole('link', { name: /Suppressed addresses/ }).click();
    await page.waitForURL(`${base}/editor/lists/suppressed`);
    expect(await page.locator('.editor-list').textContent()).toContain('gone.away@example.net');
    await fitsPhone(page);
    await saveScreenshot(page, 'lists-suppressed-phone');

    await page.setViewportSize(desktop);
    await saveScreenshot(page, 'lists-suppressed-desktop');
    await page.goto(`${base}/editor/lists`);
    await saveScreenshot(page, 'lists-desktop');

    await users.update(id, { locale: 'ar' });
    await page.setViewportSize(phone);
    await page.goto(`${base}/editor/lists`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('h1').textContent()).toBe('القوائم البريدية');
    await fitsPhone(page);
    await saveScreenshot(page, 'lists-ar-phone');
    await page
      .getByLabel('ملف CSV', { exact: true })
      .setInputFiles({ name: 'spanish.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('القائمة (اللغة)').selectOption('es');
    await page.getByLabel('أين وكيف وافق هؤلاء الأشخاص على تلقي البريد').fill('قائمة مدريد');
    await page.getByRole('button', { name: 'استيراد', exact: true }).click();
    await page.waitForSelector('.import-report');
    await fitsPhone(page);
    await saveScreenshot(page, 'lists-import-report-ar-phone');
    await page.setViewportSize(desktop);
    await saveScreenshot(page, 'lists-import-report-ar-desktop');
    await page.setViewportSize(phone);
    await page.goto(`${base}/editor/lists/suppressed`);
    await saveScreenshot(page, 'lists-suppressed-ar-phone');
    await context.close();
    // Two imports and ten screenshots: on a loaded two-core machine this takes more than the default.
  }, 120_000);
});
