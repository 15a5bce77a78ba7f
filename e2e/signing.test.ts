// Signing journeys as a supporter lives them: on a phone in Tagalog, the confirmation mail followed and its
// button pressed while another tab watches the counter rise without a reload; and with JavaScript off.
import { expect, it } from 'vitest';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, phone, saveScreenshot, useDemoBrowser } from './browser.js';

describeBrowser('signing in Chromium', () => {
  const demo = useDemoBrowser();

  it('signs in Tagalog on a phone, confirms from the mail, and the open page counts it live', async () => {
    const watcher = await demo.browser().newPage({ viewport: phone });
    await watcher.goto(`${demo.server().url}/tl/campaigns/${erlan}`);
    expect(await watcher.locator('.counter__total').textContent()).toBe('Maging una sa paglagda');

    const context = await demo.browser().newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${demo.server().url}/tl/campaigns/${erlan}?src=journey`);
    await page.getByLabel('Ang iyong pangalan').fill('Maria Santos');
    await page.getByLabel('Ang iyong email').fill('maria.santos@example.org');
    await page.getByLabel('Ang iyong unyon (hindi kailangan)').fill('Kilusang Mayo Uno');
    expect(await page.getByLabel('Bansa', { exact: true }).inputValue()).toBe('PH');
    await page.getByLabel(/^Oo, i-email sa akin/).check();
    await saveScreenshot(page, 'sign-tl-phone-filled');
    await page.getByRole('button', { name: 'Ipadala' }).click();
    await page.waitForURL(/\/tl\/campaigns\/.*\/thanks\?confirm=1$/);
    expect(await page.locator('h1').textContent()).toBe('Salamat!');
    await saveScreenshot(page, 'thanks-tl-phone');

    const [mail] = await demo.server().sink.waitFor(1, 10_000);
    expect(mail!.parsed.subject).toMatch(/^Pakikumpirma ang iyong lagda:/);
    const link = /(https?:\/\/\S+\/tl\/confirm\/[A-Za-z0-9_-]+)/.exec(mail!.parsed.text ?? '')![1]!;
    await page.goto(link);
    await saveScreenshot(page, 'confirm-tl-phone');
    await page.getByRole('button', { name: 'Kumpirmahin ang aking lagda' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Nakumpirma na. Salamat!');

    // The watcher page was never reloaded: the count arrived by Server-Sent Events.
    await expect
      .poll(() => watcher.locator('.counter__total').textContent(), { timeout: 5_000 })
      .toBe('1 tao ang lumagda');
    await saveScreenshot(watcher, 'campaign-tl-phone-live-count', false);
    await context.close();
    await watcher.close();
  });

  it('signs with JavaScript disabled, and shows field errors in the page language', async () => {
    const context = await demo.browser().newContext({ viewport: phone, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${demo.server().url}/en/campaigns/${erlan}`);
    // Submit with errors first (the browser's own validation is skipped to reach the server's).
    await page.getByLabel('Your name').fill('Ana Souza');
    await page.getByLabel('Your email').fill('ana.souza@example');
    await page.locator('form.sign-form').evaluate((form) => form.setAttribute('novalidate', ''));
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('Please enter one email address');
    expect(await page.getByLabel('Your name').inputValue()).toBe('Ana Souza');
    await saveScreenshot(page, 'sign-en-phone-errors');

    await page.getByLabel('Your email').fill('ana.souza@example.org');
    await page.getByLabel('Country', { exact: true }).selectOption('BR');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/en\/campaigns\/.*\/thanks\?confirm=1$/);
    expect(await page.locator('.notice--important').textContent()).toContain('One more step');
    await context.close();
  });
});
