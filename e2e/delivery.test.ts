// Delivery as the demo runs it: a supporter signs in English and confirms; the worker sends one letter to
// each of the six demo targets and the union copy address; the thank-you mail links to the status page,
// which counts them delivered (also in Arabic, on a phone). An editor then sees the same on the delivery
// page. Screenshots at phone and desktop width.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('delivery in Chromium', () => {
  const demo = useDemoBrowser();

  it('a confirmed signature reaches every target; the supporter and the editor see it', async () => {
    const base = demo.server().url;
    const sink = demo.server().sink;
    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/en/campaigns/${erlan}`);
    await page.getByLabel('Your name').fill('Ana Souza');
    await page.getByLabel('Your email').fill('ana.souza@example.org');
    await page.getByLabel('Your union (optional)').fill('CUT');
    await page.getByLabel('Country', { exact: true }).selectOption('BR');
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/thanks\?confirm=1$/);

    const [confirmMail] = await sink.waitFor(1, 10_000);
    const link = /(https?:\/\/\S+\/en\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmMail!.parsed.text ?? '')![1]!;
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await page.getByRole('link', { name: 'See where your message went' }).waitFor();

    // Thank-you mail + six letters + the union copy, within seconds of the confirmation.
    const mails = await sink.waitFor(9, 15_000);
    const letters = mails.filter((m) => m.parsed.from?.value[0]?.name === 'Ana Souza via Outcry');
    expect(letters.map((m) => m.envelope.to[0]).sort()).toEqual([
      'akorda.press@example.org',
      'campaign-copies@industriall.example.org',
      'geneva@mfa-kz.example.org',
      'kazakhstan@un-int.example.org',
      'knprkcampaign@example.org',
      'mission@kazakhstan-geneva.example.org',
      'press@mfa-kz.example.org',
    ]);
    expect(letters.every((m) => m.parsed.replyTo?.value[0]?.address === 'ana.souza@example.org')).toBe(true);
    expect(letters.every((m) => /^bounces\+\d+-/.test(m.envelope.from))).toBe(true);

    await page.getByRole('link', { name: 'See where your message went' }).click();
    // Outcomes are recorded in batches after the sends; on a loaded CI machine that can take seconds.
    await expect
      .poll(
        async () => {
          await page.reload();
          return page.locator('.status__summary').textContent();
        },
        { timeout: 15_000, interval: 500 },
      )
      .toBe('Your message was delivered to 6 of 6 addresses.');
    await saveScreenshot(page, 'status-en-desktop');

    const statusUrl = page.url();
    const phonePage = await demo.browser().newPage({ viewport: phone });
    await phonePage.goto(statusUrl.replace('/en/status/', '/ar/status/'));
    expect(await phonePage.locator('html').getAttribute('dir')).toBe('rtl');
    await fitsPhone(phonePage);
    await saveScreenshot(phonePage, 'status-ar-phone');
    await phonePage.close();

    // The editor's view of the same delivery.
    await new UserRepository(demo.server().running.db).upsertWithPassword(
      {
        email: 'editor@example.org',
        name: 'Ed Itor',
        role: 'editor',
        passwordHash: await hashPassword('editor password 1234'),
      },
      Date.now(),
    );
    const editor = await context.newPage();
    await editor.goto(`${base}/editor/campaigns/${erlan}/delivery`);
    await editor.getByLabel('Email address').fill('editor@example.org');
    await editor.getByLabel('Password', { exact: true }).fill('editor password 1234');
    await editor.getByRole('button', { name: 'Log in' }).click();
    await editor.waitForURL(`${base}/editor/campaigns/${erlan}/delivery`);
    expect(await editor.locator('.delivery-target').count()).toBe(7);
    await saveScreenshot(editor, 'editor-delivery-en-desktop');
    await editor.setViewportSize(phone);
    await fitsPhone(editor);
    await saveScreenshot(editor, 'editor-delivery-en-phone');
    await context.close();
  });
});
