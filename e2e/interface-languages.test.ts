// The interface in many languages, as a supporter on a phone meets it: the language switcher (a disclosure
// of every served language, no JavaScript needed) and right-to-left pages in Arabic, Persian, Hebrew and
// Urdu that fit the screen. Screenshots land in e2e/screenshots/languages-*.png.
import { expect, it } from 'vitest';
import { uiLocales } from '../src/i18n/locales.js';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const rtl = uiLocales.filter((l) => l.dir === 'rtl').map((l) => l.code);

describeBrowser('interface languages in Chromium', () => {
  const demo = useDemoBrowser();

  it('switches language from a phone through the disclosure, without JavaScript', async () => {
    const context = await demo.browser().newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    const links = page.locator('.lang-switcher nav a');
    expect(await links.first().isVisible()).toBe(false);
    await page.locator('.lang-switcher summary').click();
    expect(await links.count()).toBe(uiLocales.length);
    // Every entry fits the phone's width and is tall enough to tap.
    for (const box of await links.evaluateAll((as) => as.map((a) => a.getBoundingClientRect().toJSON()))) {
      expect(box.right).toBeLessThanOrEqual(phone.width);
      expect(box.left).toBeGreaterThanOrEqual(0);
      expect(box.height).toBeGreaterThanOrEqual(24);
    }
    await saveScreenshot(page, 'languages-en-phone-open', false);
    await page.locator('.lang-switcher nav a[lang="fa"]').click();
    await page.waitForURL(`${demo.server().url}/fa/campaigns/${erlan}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('fa');
    await context.close();
  });

  it.each(rtl)('lays %s out right to left on a phone, form included, within the screen', async (locale) => {
    const page = await demo.browser().newPage({ viewport: phone });
    await page.goto(`${demo.server().url}/${locale}/campaigns/${erlan}`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    // The form's fields start on the right: their right edges line up with the form's.
    const form = await page.locator('.sign-form').boundingBox();
    const field = await page.locator('.sign-form input[type="email"]').boundingBox();
    expect(Math.abs(form!.x + form!.width - (field!.x + field!.width))).toBeLessThan(40);
    // Search engines are told only of the languages the campaign is published in, not of every interface.
    const alternates = await page
      .locator('link[rel="alternate"]')
      .evaluateAll((ls) => ls.map((l) => l.getAttribute('hreflang')));
    expect(alternates.sort()).toEqual(['en', 'tl']);
    expect(
      await page
        .locator('.campaign-languages a')
        .evaluateAll((as) => as.map((a) => a.getAttribute('lang')).sort()),
    ).toEqual(['en', 'tl']);
    await saveScreenshot(page, `languages-${locale}-phone`);
    await page.locator('.lang-switcher summary').click();
    await saveScreenshot(page, `languages-${locale}-phone-open`, false);
    await page.close();
  });

  it.each(['en', 'ar'])('opens the switcher at desktop width in %s', async (locale) => {
    const page = await demo.browser().newPage({ viewport: desktop });
    await page.goto(`${demo.server().url}/${locale}/`);
    await page.locator('.lang-switcher summary').click();
    const panel = await page.locator('.lang-switcher nav').boundingBox();
    expect(panel!.x).toBeGreaterThanOrEqual(0);
    expect(panel!.x + panel!.width).toBeLessThanOrEqual(desktop.width);
    await saveScreenshot(page, `languages-${locale}-desktop-open`, false);
    await page.close();
  });
});
