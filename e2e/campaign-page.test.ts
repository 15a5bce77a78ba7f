// Foundation journey: the demo campaign opens in English and in Tagalog (and in the Arabic interface,
// right to left) at phone width; screenshots land in e2e/screenshots/.
import { expect, it } from 'vitest';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

describeBrowser('campaign page in Chromium', () => {
  const demo = useDemoBrowser();

  it.each([
    ['en', 'Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity', 'Send'],
    [
      'tl',
      'Kazakhstan: Erlan Baltabay sinentensiyahan ng 7 taon sa bilangguan dahil sa aktibidad ng unyon',
      'Ipadala',
    ],
  ])('shows the campaign in %s at phone width', async (locale, headline, button) => {
    const page = await demo.browser().newPage({ viewport: phone });
    await page.goto(`${demo.server().url}/${locale}/campaigns/${erlan}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(headline);
    expect(await page.locator('html').getAttribute('lang')).toBe(locale);
    expect(await page.getByRole('button', { name: button }).isVisible()).toBe(true);
    // Nothing overflows the phone's width.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await saveScreenshot(page, `campaign-${locale}-phone`);
    await page.close();
  });

  it('lays the Arabic interface out right to left, at phone and desktop width', async () => {
    for (const [name, viewport] of [
      ['phone', phone],
      ['desktop', desktop],
    ] as const) {
      const page = await demo.browser().newPage({ viewport });
      await page.goto(`${demo.server().url}/ar/campaigns/${erlan}`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await saveScreenshot(page, `campaign-ar-${name}`, name === 'phone');
      await page.close();
    }
    const home = await demo.browser().newPage({ viewport: desktop });
    await home.goto(`${demo.server().url}/en/`);
    await saveScreenshot(home, 'home-en-desktop', false);
    await home.close();
  });
});
