// "Help translate" in Chromium, in English and Arabic (right to left) at phone and desktop width: the form
// with no box ticked, the same form sent with no language and its error, and the editors' list of waiting applications.
// Screenshots of each, and the phone pages must not scroll sideways.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { TranslatorApplicationRepository } from '../src/db/translator-application.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { describeBrowser, desktop, logInToEditor, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'a long enough password for tests';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('Help translate in Chromium', () => {
  const demo = useDemoBrowser({ TRANSLATORS_CONTACT: 'translators@outcry.example.org' });

  it('shows the form and its errors in English and Arabic, and the editors list applications', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    for (const locale of ['en', 'ar']) {
      const context = await demo.browser().newContext({ viewport: phone, locale });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      await page.goto(`${base}/${locale}/help-translate`);
      expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
      expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(0);
      await fitsPhone(page);
      await saveScreenshot(page, `help-translate-${locale}-phone`);
      // The form refuses answers sent sooner than five seconds after it was shown.
      await page.waitForTimeout(5_500);
      // Name and address filled, no language chosen: only the server can tell.
      await page.locator('#name').fill(locale === 'ar' ? 'فاطمة الزهراء' : 'Amélie Durand');
      await page.locator('#email').fill('volunteer@example.org');
      await page.locator('button[type="submit"]').click();
      await expect.poll(() => page.locator('.error-summary li').count()).toBe(1);
      expect(await page.locator('#name').inputValue()).not.toBe('');
      await fitsPhone(page);
      await saveScreenshot(page, `help-translate-${locale}-errors-phone`);
      await page.setViewportSize(desktop);
      await page.goto(`${base}/${locale}/help-translate`);
      await saveScreenshot(page, `help-translate-${locale}-desktop`);
      await context.close();
    }

    const applications = new TranslatorApplicationRepository(db);
    const nonce = (n: string) => `e2e-${n}`;
    await applications.create(
      {
        name: 'Amélie Durand',
        email: 'amelie@example.org',
        languages: ['fr', 'it'],
        note: 'Nurse in Lyon, CGT member; I translate for our union federation.',
        locale: 'fr',
        formNonce: nonce('amelie'),
      },
      Date.now(),
    );
    await applications.create(
      {
        name: 'فاطمة الزهراء',
        email: 'fatima@example.org',
        languages: ['ar'],
        note: '',
        locale: 'ar',
        formNonce: nonce('fatima'),
      },
      Date.now(),
    );
    const users = new UserRepository(db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'lead@example.org',
        name: 'Lead Editor',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    for (const locale of ['en', 'ar']) {
      await users.update(id, { locale });
      for (const [size, viewport] of [
        ['desktop', desktop],
        ['phone', phone],
      ] as const) {
        const context = await demo.browser().newContext({ viewport });
        context.setDefaultTimeout(10_000);
        const page = await context.newPage();
        await logInToEditor(page, base, 'lead@example.org', password);
        await page.goto(`${base}/editor/translator-applications`);
        expect(await page.locator('.editor-list > li').count()).toBe(2);
        if (size === 'phone') await fitsPhone(page);
        await saveScreenshot(page, `translator-applications-${locale}-${size}`);
        await context.close();
      }
    }
  });
});
