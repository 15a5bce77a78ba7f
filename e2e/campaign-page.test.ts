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

  it('marks every wrong field with the red border, name and email included', async () => {
    const page = await demo.browser().newPage({ viewport: phone });
    await page.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    // Send it empty, past the browser's own checks, as a browser without them would.
    await page.locator('.sign-form textarea').fill('');
    await page.locator('.sign-form select').selectOption('');
    await Promise.all([
      page.waitForURL(/\/sign$/),
      page.evaluate(() => {
        const form = document.querySelector<HTMLFormElement>('.sign-form')!;
        form.noValidate = true;
        form.submit();
      }),
    ]);
    const borders = await page
      .locator('[aria-invalid="true"]')
      .evaluateAll((els) => els.map((el) => [el.id, getComputedStyle(el).borderTopColor]));
    expect(borders.map(([id]) => id)).toEqual(['name', 'email', 'country', 'message']);
    for (const [, colour] of borders) expect(colour).toBe('rgb(179, 18, 27)');
    await saveScreenshot(page, 'campaign-en-phone-errors', false);
    await page.close();
  });

  it('shows the form beside the text on a desktop and a link to it under the headline on a phone', async () => {
    const wide = await demo.browser().newPage({ viewport: desktop });
    await wide.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    const formTop = await wide.locator('.sign-form').evaluate((el) => el.getBoundingClientRect().top);
    expect(formTop).toBeLessThan(desktop.height / 2);
    expect(await wide.locator('.counter__sign').isVisible()).toBe(false);
    await wide.close();
    const narrow = await demo.browser().newPage({ viewport: phone, javaScriptEnabled: false });
    await narrow.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    const bar = narrow.getByRole('progressbar', { name: '0 of 10,000 signatures' });
    expect(await bar.isVisible()).toBe(true);
    const link = narrow.getByRole('link', { name: 'Sign now' });
    const linkTop = await link.evaluate((el) => el.getBoundingClientRect().top);
    expect(linkTop).toBeLessThan(phone.height);
    await link.click();
    await expect.poll(() => narrow.evaluate(() => location.hash)).toBe('#sign');
    const heading = await narrow.locator('#sign').evaluate((el) => el.getBoundingClientRect().top);
    expect(Math.abs(heading)).toBeLessThan(phone.height / 2);
    await narrow.close();
  });

  it('copies the link with ?src=share where the browser can, and shows no share button without JavaScript', async () => {
    const context = await demo.browser().newContext({ viewport: phone });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: demo.server().url });
    const page = await context.newPage();
    await page.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.locator('[data-share="copy"]').textContent()).toBe('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`/en/campaigns/${erlan}\\?src=share$`),
    );
    // The share sheet's button only where the browser has one.
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.getByRole('button', { name: 'Share', exact: true }).isVisible()).toBe(hasShare);
    await context.close();
    const bare = await demo.browser().newPage({ viewport: phone, javaScriptEnabled: false });
    await bare.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    expect(await bare.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
    expect(await bare.locator('.share-actions').isVisible()).toBe(false);
    await bare.close();
  });
});
