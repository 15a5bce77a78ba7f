// A victory mailing for the demo campaign in Chromium: an editor starts it from the list (the template
// fills subject and text from the campaign), narrows the segment and sees its size follow without a reload,
// saves, mails a test to their own address (it arrives at the demo's SMTP sink, marked as a test), then
// sends it and watches the report's progress bar fill, without a reload, as the worker's sender mails the
// five people. Screenshots at desktop and phone width.
import { expect, it } from 'vitest';
import { seedDemoLists } from '../src/cli/demo/mailing-lists.js';
import { demoCampaignSlug } from '../src/cli/demo/seed.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'mailing journey password';

describeBrowser('mailings in Chromium', () => {
  const demo = useDemoBrowser();

  it('composes a victory mailing, counts its segment, mails a test to self, then sends it', async () => {
    const { url: base, running, sink } = demo.server();
    await seedDemoLists(running.db, Date.now());
    await new UserRepository(running.db).upsertWithPassword(
      {
        email: 'amaka@example.org',
        name: 'Amaka Okafor',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    const campaign = await running.services.campaigns.findBySlug(demoCampaignSlug);
    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await page.goto(`${base}/editor/login`);
      await page.getByLabel('Email address').fill('amaka@example.org');
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/editor`);

      await page.getByRole('link', { name: 'Mailings' }).click();
      await page.waitForURL(`${base}/editor/mailings`);
      await page.getByLabel('Kind').selectOption('victory');
      await page.getByLabel('Campaign it promotes').selectOption(String(campaign!.id));
      await page.getByRole('button', { name: 'Start composing' }).click();
      await page.waitForURL(/\/editor\/mailings\/new\?/);
      expect(await page.getByLabel('Subject').inputValue()).toContain('We won: Kazakhstan');
      expect(await page.getByLabel('Text', { exact: true }).inputValue()).toContain(
        'translated the campaign into Filipino.',
      );

      // The size follows the choices (mailings.js asks the server); every list first, then Arabic only.
      const size = page.locator('[data-segment-size]');
      await expect.poll(() => size.textContent()).toBe('This segment reaches 7 people.');
      await page.getByLabel('English (3 subscribers)').uncheck();
      await page.getByLabel('Spanish (2 subscribers)').uncheck();
      await expect.poll(() => size.textContent()).toBe('This segment reaches 2 people.');
      await page.getByLabel('Have not signed the campaign').selectOption(String(campaign!.id));
      await expect.poll(() => size.textContent()).toBe('This segment reaches 1 person.');
      await page.getByLabel('Have not signed the campaign').selectOption('');
      await page.getByLabel('English (3 subscribers)').check();
      await expect.poll(() => size.textContent()).toBe('This segment reaches 5 people.');
      await page.getByLabel('Subject').fill('Erlan Baltabay is free');
      await saveScreenshot(page, 'mailing-compose-desktop');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/\/editor\/mailings\/\d+\?done=created$/);
      const id = Number(/mailings\/(\d+)/.exec(page.url())![1]);

      // The preview: the sender's rendering in a sandboxed frame, served under its own CSP.
      await page.getByRole('link', { name: 'Preview' }).click();
      await page.waitForURL(`${base}/editor/mailings/${id}/preview?locale=en`);
      const frame = page.frameLocator('iframe.mailing-preview');
      await expect.poll(() => frame.locator('body').textContent()).toContain('Erlan Baltabay');
      await saveScreenshot(page, 'mailing-preview-desktop');
      await page.goto(`${base}/editor/mailings/${id}`);

      // A test to the editor's own address, in the language chosen.
      await page.getByLabel('Language version').selectOption('ar');
      await page.getByRole('button', { name: 'Send the test to amaka@example.org' }).click();
      await page.waitForURL(`${base}/editor/mailings/${id}?done=tested`);
      const [test] = await sink.waitFor(1, 10_000);
      expect(test!.envelope.to).toEqual(['amaka@example.org']);
      // The whole test is the Arabic readers' mail: the marker too; the text is the source's for now.
      expect(test!.parsed.subject).toBe('[اختبار] Erlan Baltabay is free');

      await page.setViewportSize(phone);
      await saveScreenshot(page, 'mailing-actions-phone');
      await page.setViewportSize(desktop);
      await page.getByLabel('Yes, send it now to 5 people').check();
      await page.getByRole('button', { name: 'Send now' }).click();
      await page.waitForURL(`${base}/editor/mailings/${id}/report`);
      expect(await page.locator('[data-progress-status]').textContent()).toBe('sending');
      expect(await page.locator('[data-progress-text]').textContent()).toMatch(/of 5 sent/);
      await saveScreenshot(page, 'mailing-report-desktop');
      const queued = await running.db.kysely
        .selectFrom('mailing_recipients')
        .select(['locale'])
        .where('mailing_id', '=', id)
        .execute();
      expect(queued.map((r) => r.locale).sort()).toEqual(['ar', 'ar', 'en', 'en', 'en']);
      // The worker's sender mails them; the bar follows without a reload (mailings.js) until it is sent.
      await sink.waitFor(6, 20_000);
      await expect
        .poll(() => page.locator('[data-progress-text]').textContent(), { timeout: 20_000, interval: 500 })
        .toBe('5 of 5 sent, 0 failed');
      await expect
        .poll(() => page.locator('[data-progress-status]').textContent(), { timeout: 10_000, interval: 500 })
        .toBe('sent');
    } finally {
      await context.close();
    }
    // A whole mailing sent by the demo's worker: on a loaded two-core machine, more than the default.
  }, 90_000);
});
