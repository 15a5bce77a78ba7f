// Claims on the translation board in Chromium (decision 0042): a French translator claims French on the demo
// campaign; a colleague working in the Arabic interface sees the claimed cell (no claim button) and, on the
// editor, who claimed it and when, while the form stays open to her. Screenshots of the board's cell and the
// editor's notice at phone and desktop width, in English and in Arabic.
import { expect, it } from 'vitest';
import { erlan } from '../test/sign-helpers.js';
import {
  describeBrowser,
  desktop,
  logInToEditor,
  phone,
  saveScreenshot,
  translatorAndEditor,
  useDemoBrowser,
} from './browser.js';

const password = 'a long enough password for tests';

describeBrowser('claiming a language in Chromium', () => {
  const demo = useDemoBrowser();

  it('shows who claimed French on the board and in the editor, in English and in Arabic', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const { users } = await translatorAndEditor(
      db,
      {
        translator: ['fatima@example.org', 'فاطمة الزهراء'],
        editor: ['eda@example.org', 'Eda'],
        languages: ['fr'],
      },
      password,
    );
    const fatima = (await users.findByEmail('fatima@example.org'))!;
    await users.update(fatima.id, { locale: 'ar' });
    await translatorAndEditor(
      db,
      {
        translator: ['remi@example.org', 'Rémi Laurent'],
        editor: ['eda@example.org', 'Eda'],
        languages: ['fr'],
      },
      password,
    );

    const remiContext = await demo.browser().newContext({ viewport: desktop });
    remiContext.setDefaultTimeout(10_000);
    const remi = await remiContext.newPage();
    await logInToEditor(remi, base, 'remi@example.org', password);
    await remi.goto(`${base}/editor/translations`);
    const row = (page: typeof remi) =>
      page.locator('section.translation-row', { has: page.locator(`#c-${erlan}`) });
    const remiCell = row(remi).locator('.translation-cell[data-locale="fr"]');
    await remiCell.getByRole('button', { name: "I'll translate this" }).click();
    await expect
      .poll(() => remiCell.locator('.translation-cell__claim').textContent())
      .toMatch(/^claimed by \W?Rémi Laurent\W? · /);
    expect(await remiCell.getByRole('button', { name: 'Release claim' }).count()).toBe(1);
    await remiCell.scrollIntoViewIfNeeded();
    await saveScreenshot(remi, 'translation-claim-board-desktop', false);
    await remi.setViewportSize(phone);
    expect(await remi.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await remiCell.scrollIntoViewIfNeeded();
    await saveScreenshot(remi, 'translation-claim-board-phone', false);
    await remiCell.getByRole('link').click();
    expect(await remi.locator('#claim').textContent()).toMatch(/Rémi Laurent\W? claimed this language on /);
    await saveScreenshot(remi, 'translation-claim-editor-phone', false);
    await remi.setViewportSize(desktop);
    await saveScreenshot(remi, 'translation-claim-editor-desktop', false);

    // Fatima, in the Arabic interface: the claimed cell, no claim button, and the editor open with the notice.
    const fatimaContext = await demo.browser().newContext({ viewport: phone });
    fatimaContext.setDefaultTimeout(10_000);
    const page = await fatimaContext.newPage();
    await logInToEditor(page, base, 'fatima@example.org', password);
    await page.goto(`${base}/editor/translations`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const cell = row(page).locator('.translation-cell[data-locale="fr"]');
    expect(await cell.locator('.translation-cell__claim').textContent()).toContain('Rémi Laurent');
    expect(await cell.locator('form').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await cell.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'translation-claim-board-phone-ar', false);
    await page.setViewportSize(desktop);
    await cell.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'translation-claim-board-desktop-ar', false);
    await cell.getByRole('link').click();
    expect(await page.locator('#claim').textContent()).toContain('Rémi Laurent');
    expect(await page.locator('#claim form').count()).toBe(0);
    expect(await page.locator('textarea').count()).toBeGreaterThan(0);
    await saveScreenshot(page, 'translation-claim-editor-desktop-ar', false);
    await page.setViewportSize(phone);
    await saveScreenshot(page, 'translation-claim-editor-phone-ar', false);
  });
});
