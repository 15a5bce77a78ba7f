// The editor area's whole journey in Chromium, as the issue tells it: a union requests a campaign on its
// phone; an editor logs in, approves the request, edits the texts, imports three targets from CSV (one bad
// row is reported and left out), sends a test message to themself, submits and launches; the campaign is
// live on the public site; the editor extends it, then closes it with an outcome, and the public page shows
// the closed banner and the outcome. The real app on SQLite (PostgreSQL too when TEST_DATABASE_URL is set),
// a fake clock (the request form refuses answers sent within seconds), mail to a loopback SMTP sink.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { picture } from '../test/campaign-request-helpers.js';
import { testDialects } from '../test/db.js';
import { createPerson, goodPassword } from '../test/editor-helpers.js';
import { FakeClock } from '../test/fake-clock.js';
import { startMailWorker, type TestApp } from '../test/test-app.js';
import { describeBrowser, desktop, phone, saveScreenshot, useTestAppBrowser } from './browser.js';

const headline = 'Korea: reinstate the twelve dismissed nurses';
const slug = 'korea-reinstate-the-twelve-dismissed-nurses';
const csv = [
  'name;email;organisation;language;time zone',
  'Minister of Health and Welfare;minister@mohw.example.org;Ministry of Health and Welfare;en;Asia/Seoul',
  'Hospital director;director(at)hospital.example.org;Seoul General Hospital;en;Asia/Seoul',
  '"Labour Inspectorate, Seoul";inspect@moel.example.org;Ministry of Employment and Labor;en;Asia/Seoul',
].join('\n');

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

const notice = (page: Page) => page.locator('.editor-notice').textContent();

describeBrowser.each(testDialects)('the editor journey in Chromium on %s', (dialect) => {
  const clock = new FakeClock();
  const env = useTestAppBrowser(dialect, clock);
  let t: TestApp;
  let browser: Browser;
  let base: string;
  beforeAll(() => {
    t = env.app();
    browser = env.browser();
    base = env.base();
  });

  it('request → approve → edit → CSV import → test message → launch → extend → close with an outcome', async () => {
    const mail = await startMailWorker(t);
    try {
      // 1. A union requests the campaign on a phone.
      const union = await browser.newContext({ viewport: phone });
      union.setDefaultTimeout(10_000);
      const form = await union.newPage();
      await form.goto(`${base}/en/request`);
      await form.getByLabel('Full name of the organisation').fill('Korean Health and Medical Workers’ Union');
      await form.getByLabel('About your organisation').fill('The union of 80,000 hospital workers in Korea.');
      await form.getByLabel('Name', { exact: true }).fill('Kim Ji-young');
      await form.getByLabel('Email', { exact: true }).fill('jiyoung@khmu.example.org');
      await form.getByLabel('Headline').fill(headline);
      await form.getByLabel('Background').fill('Twelve nurses were dismissed for joining the union.');
      await form
        .getByLabel('Proposed message to the targets')
        .fill('Reinstate the twelve nurses and respect their freedom of association.');
      await form
        .getByLabel('Names and email addresses')
        .fill('Seoul General Hospital <ceo@hospital.example.org>');
      const photo = await picture(1600, 1000, 'jpeg');
      await form
        .getByLabel('Photo (optional)')
        .setInputFiles({ name: 'nurses.jpg', mimeType: 'image/jpeg', buffer: photo.bytes });
      await form
        .getByLabel('I have read the partnership terms and accept them on behalf of my organisation.')
        .check();
      clock.advance(120_000);
      await fitsPhone(form);
      await saveScreenshot(form, 'journey-request-phone');
      await form.getByRole('button', { name: 'Send the request' }).click();
      await form.waitForURL(`${base}/en/request/thanks`);
      await union.close();
      await mail.drain();
      const ack = mail.sink.messages.find((m) => m.envelope.to.includes('jiyoung@khmu.example.org'));
      expect(ack?.parsed.subject).toContain(headline);

      // 2. An editor logs in and approves it.
      await createPerson(t, 'editor', { name: 'Kofi Boateng' });
      const office = await browser.newContext({ viewport: desktop });
      office.setDefaultTimeout(10_000);
      const page = await office.newPage();
      await page.goto(`${base}/editor/login`);
      await page.getByLabel('Email address').fill('editor@example.org');
      await page.getByLabel('Password', { exact: true }).fill(goodPassword);
      await page.getByRole('button', { name: 'Log in' }).click();
      await page.waitForURL(`${base}/editor`);
      await page.getByRole('link', { name: 'Requests' }).first().click();
      await page.getByRole('link', { name: headline }).click();
      await page.getByRole('button', { name: 'Approve and create the draft' }).click();
      await page.waitForURL(`${base}/editor/campaigns/${slug}?done=approved`);
      expect(await notice(page)).toBe('The request is approved: this is its draft campaign.');

      // 3. The texts: a sharper background, marked ready.
      await page.getByRole('link', { name: 'Edit texts, photo and settings' }).click();
      await page.waitForURL(`${base}/editor/campaigns/${slug}/edit`);
      await page
        .getByLabel('Background')
        .fill('Twelve nurses at Seoul General Hospital were dismissed in March for joining the union.');
      await page.getByLabel('These texts are ready: mark them as published (needed to launch).').check();
      await page.getByRole('button', { name: 'Save texts' }).click();
      await expect.poll(() => notice(page)).toBeTruthy();
      await saveScreenshot(page, 'journey-edit-desktop');

      // 4. Three targets from a CSV file, one of them wrong.
      await page.goto(`${base}/editor/campaigns/${slug}/targets/import`);
      await page.getByLabel('Or paste the rows, with the header row').fill(csv);
      await page.getByRole('button', { name: 'Check the rows' }).click();
      await page.waitForSelector('.import-report');
      expect(await page.locator('.import-rows--error').textContent()).toContain(
        'Row 3: The email address is not valid.',
      );
      await saveScreenshot(page, 'journey-import-report-desktop');
      await page.getByRole('button', { name: 'Import the 2 good rows' }).click();
      await expect.poll(() => notice(page)).toBe('2 targets imported.');

      // 5. A test message to the editor's own address, exactly as the minister would get it.
      await page.getByRole('link', { name: 'Send a test message to me' }).click();
      await page
        .getByLabel('Target')
        .selectOption({ label: 'Minister of Health and Welfare (minister@mohw.example.org)' });
      await page.getByRole('button', { name: 'Show' }).click();
      await page.getByRole('button', { name: 'Send it to me' }).click();
      await expect.poll(() => notice(page)).toContain('The test message is on its way');
      await mail.drain();
      const test = mail.sink.messages.find((m) => m.envelope.to.includes('editor@example.org'));
      expect(test?.parsed.subject).toMatch(/^\[Test\] /);
      expect(test?.parsed.text).toContain('Reinstate the twelve nurses');
      expect(mail.sink.messages.some((m) => m.envelope.to.includes('minister@mohw.example.org'))).toBe(false);

      // 6. Submit, launch: live on the public site.
      await page.goto(`${base}/editor/campaigns/${slug}`);
      await page.getByRole('button', { name: 'Submit for review' }).click();
      await expect.poll(() => notice(page)).toBe('Submitted for review.');
      await page.getByRole('button', { name: 'Launch now' }).click();
      await expect.poll(() => notice(page)).toBe('The campaign is live.');
      const visitor = await office.newPage();
      await visitor.goto(`${base}/en/campaigns/${slug}`);
      expect(await visitor.locator('h1').textContent()).toBe(headline);
      expect(await visitor.locator('form.sign-form').count()).toBe(1);
      expect(await visitor.locator('.campaign-photo').count()).toBe(1);

      // 7. Extend, then close early on a win.
      await page.getByLabel('End date').fill('2099-01-01');
      await page.getByRole('button', { name: 'Extend' }).click();
      await expect.poll(() => notice(page)).toBe('The end date is changed.');
      await page
        .getByLabel('Outcome in English (optional)')
        .fill('**Won.** All twelve nurses are back at work since 2 December.');
      await page.getByRole('button', { name: 'Close the campaign' }).click();
      await expect.poll(() => notice(page)).toBe('The campaign is closed.');
      await saveScreenshot(page, 'journey-closed-editor-desktop');

      await visitor.reload();
      expect(await visitor.locator('.banner--closed').textContent()).toContain('This campaign is closed.');
      expect(await visitor.locator('.outcome').textContent()).toContain(
        'Won. All twelve nurses are back at work since 2 December.',
      );
      expect(await visitor.locator('form.sign-form').count()).toBe(0);
      // A closed campaign nobody signed here shows its outcome and no total (decision 0018).
      expect(await visitor.locator('.counter__total').count()).toBe(0);
      await saveScreenshot(visitor, 'journey-closed-public-desktop');
      await visitor.setViewportSize(phone);
      await fitsPhone(visitor);
      await saveScreenshot(visitor, 'journey-closed-public-phone');
      // In Arabic, right to left: the interface is translated, the campaign text falls back to English.
      await visitor.goto(`${base}/ar/campaigns/${slug}`);
      expect(await visitor.locator('html').getAttribute('dir')).toBe('rtl');
      await expect.poll(() => visitor.locator('.banner--closed').count()).toBe(1);
      expect(await visitor.locator('.counter__total').count()).toBe(0);
      await fitsPhone(visitor);
      await saveScreenshot(visitor, 'journey-closed-public-ar-phone');
      await office.close();
    } finally {
      await mail.close();
    }
  }, 120_000);
});
