// A person joins a language list as they would live it, on a phone: the sign-up page (the consent box
// unticked until they tick it), the confirmation mail opened from the sink, its button, the preferences
// page, and then the one-click unsubscribe a mail client sends (RFC 8058), after a link scanner's GET that
// changed nothing. The test app runs on the stepped clock (the form's fill time) and its worker is drained
// explicitly, so nothing waits on real time.
import { expect, it } from 'vitest';
import { FakeClock } from '../test/fake-clock.js';
import { startMailWorker } from '../test/test-app.js';
import { describeBrowser, phone, saveScreenshot, useTestAppBrowser } from './browser.js';

describeBrowser('list sign-up in Chromium', () => {
  const clock = new FakeClock();
  const env = useTestAppBrowser('sqlite', clock);

  it('signs up, confirms from the mail, opens preferences and unsubscribes with one click', async () => {
    const base = env.base();
    const mail = await startMailWorker(env.app());
    const context = await env.browser().newContext({ viewport: phone });
    const page = await context.newPage();
    try {
      await page.goto(`${base}/en/subscribe`);
      expect(await page.locator('#consent').isChecked()).toBe(false);
      await page.getByLabel('Email address').fill('dana.mills@example.org');
      await page.getByLabel('Name (optional)').fill('Dana Mills');
      await page.getByLabel('Country').selectOption('GB');
      await page.getByLabel('Language of the emails').selectOption('tl');
      await page.locator('#consent').check();
      await saveScreenshot(page, 'subscribe-en-phone-form');
      clock.advance(10_000);
      await page.getByRole('button', { name: 'Sign up' }).click();
      await page.waitForURL(/\/en\/subscribe\/sent$/);
      expect(await page.locator('h1').textContent()).toBe('Check your email');

      await mail.drain();
      const [confirmation] = mail.sink.messages;
      expect(confirmation?.envelope.to).toEqual(['dana.mills@example.org']);
      const link = /(https?:\/\/\S+\/en\/subscribe\/confirm\/[A-Za-z0-9_-]+)/.exec(
        confirmation?.parsed.text ?? '',
      )?.[1];
      await page.goto(link!);
      await page.getByRole('button', { name: 'Yes, add me to the list' }).click();
      expect(await page.locator('h1').textContent()).toBe('You are on the list');
      await page.getByRole('link', { name: 'Your email preferences' }).click();
      await page.waitForURL(/\/en\/preferences\//);
      expect(await page.locator('main').textContent()).toContain('dana.mills@example.org');
      expect(await page.locator('main').textContent()).toContain('Leave the Filipino list');
      await saveScreenshot(page, 'preferences-en-phone');

      const token = /\/preferences\/([^/?#]+)/.exec(page.url())![1]!;
      // A link scanner opens the unsubscribe URL: the page offers a button and changes nothing.
      await page.goto(`${base}/unsubscribe/${token}`);
      expect(await page.getByRole('button', { name: 'Unsubscribe' }).isVisible()).toBe(true);
      await page.goBack();
      await page.reload();
      expect(await page.locator('main').textContent()).toContain('Leave the Filipino list');

      // The mail client's one-click POST: no cookie, no form token, the RFC 8058 body.
      const oneClick = await fetch(`${base}/unsubscribe/${token}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      await page.reload();
      expect(await page.locator('main').textContent()).toContain('You are not on any of our mailing lists.');
      await saveScreenshot(page, 'preferences-en-phone-unsubscribed');
    } finally {
      await context.close();
      await mail.close();
    }
  });
});
