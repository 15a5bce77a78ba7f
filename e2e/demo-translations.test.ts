// The demo's translation board in Chromium, as `npm run demo` leaves it: the demo campaign's French a draft
// and its Spanish out of date, the Spanish editor showing what the English gained. Screenshots of the board
// at desktop and phone width in the English and the Arabic interface (right to left).
import { expect, it } from 'vitest';
import { seedDemoTranslations } from '../src/cli/demo/translations.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, logInToEditor, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const password = 'a long enough password for tests';

describeBrowser('the demo translation board in Chromium', () => {
  const demo = useDemoBrowser();

  it('shows the French draft and the stale Spanish, in English and Arabic, on a desktop and a phone', async () => {
    const base = demo.server().url;
    const { db, services } = demo.server().running;
    const users = new UserRepository(db);
    const email = 'demo-admin@example.org';
    const { id } = await users.upsertWithPassword(
      { email, name: 'Demo admin', role: 'admin', passwordHash: await hashPassword(password) },
      Date.now(),
    );
    expect(await seedDemoTranslations(services, { id, email }, Date.now())).toEqual({ seeded: true });

    for (const locale of ['en', 'ar'] as const) {
      await users.update(id, { locale });
      for (const [size, viewport] of [
        ['desktop', desktop],
        ['phone', phone],
      ] as const) {
        const context = await demo.browser().newContext({ viewport });
        const page = await context.newPage();
        await logInToEditor(page, base, email, password);
        await page.goto(`${base}/editor/translations`);
        expect(await page.locator('html').getAttribute('dir')).toBe(locale === 'ar' ? 'rtl' : 'ltr');
        const row = page.locator('.translation-cell[data-locale="fr"]').first();
        await expect.poll(() => row.getAttribute('class')).toContain('translation-cell--draft');
        const es = page.locator('.translation-cell[data-locale="es"]').first();
        expect(await es.getAttribute('class')).toContain('translation-cell--stale');
        await saveScreenshot(page, `demo-translations-board-${locale}-${size}`);
        if (size === 'desktop') {
          await es.locator('a').click();
          await page.waitForURL(`${base}/editor/campaigns/${erlan}/translations/es`);
          expect(await page.locator('ins').first().textContent()).toContain('appeal');
          await saveScreenshot(page, `demo-translations-es-${locale}-${size}`);
        }
        await context.close();
      }
    }
  });
});
