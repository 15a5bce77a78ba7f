// A receiving domain that refused a mailing by policy, on the mailing's report in Chromium: the editor sees
// the paused destination, how many recipients wait for it and the server's answer, on a phone and a desktop,
// in English and in Arabic (right to left), and resumes it with the button. Screenshots of each.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { queueMailing } from '../test/mailing-queue-helpers.js';
import { describeBrowser, desktop, logInToEditor, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'paused domain journey password';
const blocked = 'blocked.example.net';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('a paused domain on a mailing report in Chromium', () => {
  const demo = useDemoBrowser();

  it('shows the paused destination with its waiting recipients and resumes it', async () => {
    const { url: base, running } = demo.server();
    const db = running.db;
    const now = Date.now();
    const users = new UserRepository(db);
    const { id: userId } = await users.upsertWithPassword(
      {
        email: 'paused-editor@example.org',
        name: 'Kofi Boateng',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      now,
    );
    // A mailing paused by its editor, so the demo's sender leaves it be, with three people at the domain.
    const { mailingId } = await queueMailing(db.kysely, {
      subscribers: ['a', 'b', 'c'].map((n) => ({ email: `${n}@${blocked}`, locale: 'en' })),
      now,
      status: 'paused',
    });
    await db.kysely
      .insertInto('mail_domains')
      .values({
        domain: blocked,
        concurrency: null,
        throttled_until: null,
        paused_at: now,
        paused_reason: '554 5.7.1 [address]: Message rejected by policy',
        updated_at: now,
      })
      .execute();

    const context = await demo.browser().newContext({ viewport: phone });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    try {
      await logInToEditor(page, base, 'paused-editor@example.org', password);
      const report = `${base}/editor/mailings/${mailingId}/report`;
      await page.goto(report);
      const section = page.locator('[data-paused-domains]');
      expect(await section.locator('h2').textContent()).toBe('Paused destinations');
      expect(await section.textContent()).toContain(
        `3 recipients at ${blocked} wait until mail to that domain is resumed`,
      );
      await fitsPhone(page);
      await saveScreenshot(page, 'mailing-paused-domain-phone');
      await page.setViewportSize(desktop);
      await saveScreenshot(page, 'mailing-paused-domain-desktop');

      await users.update(userId, { locale: 'ar' });
      await page.goto(report);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await section.locator('h2').textContent()).toBe('وجهات متوقفة مؤقتًا');
      await saveScreenshot(page, 'mailing-paused-domain-ar-desktop');
      await page.setViewportSize(phone);
      await fitsPhone(page);
      await saveScreenshot(page, 'mailing-paused-domain-ar-phone');

      await page.getByRole('button', { name: `استأنف البريد إلى ${blocked}` }).click();
      await page.waitForURL(report);
      expect(await section.count()).toBe(0);
      const domain = await db.kysely
        .selectFrom('mail_domains')
        .select('paused_at')
        .where('domain', '=', blocked)
        .executeTakeFirstOrThrow();
      expect(domain.paused_at).toBeNull();
    } finally {
      await context.close();
    }
  });
});
