// Foundation journey: the demo campaign opens in English and in Tagalog (and in the Arabic interface,
// right to left) at phone width; screenshots land in e2e/screenshots/.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { erlan } from '../test/sign-helpers.js';
import {
  describeBrowser,
  desktop,
  launchBrowser,
  phone,
  saveScreenshot,
  startDemoServer,
} from './browser.js';

describeBrowser('campaign page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startDemoServer>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  beforeAll(async () => {
    server = await startDemoServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.each([
    ['en', 'Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity', 'Send'],
    [
      'tl',
      'Kazakhstan: Erlan Baltabay sinentensiyahan ng 7 taon sa bilangguan dahil sa aktibidad ng unyon',
      'Ipadala',
    ],
  ])('shows the campaign in %s at phone width', async (locale, headline, button) => {
    const page = await browser.newPage({ viewport: phone });
    await page.goto(`${server.url}/${locale}/campaigns/${erlan}`);
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
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/ar/campaigns/${erlan}`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        viewport.width,
      );
      await saveScreenshot(page, `campaign-ar-${name}`, name === 'phone');
      await page.close();
    }
    const home = await browser.newPage({ viewport: desktop });
    await home.goto(`${server.url}/en/`);
    await saveScreenshot(home, 'home-en-desktop', false);
    await home.close();
  });
});
