// A union's campaign request in Chromium: on a 390 px phone in Arabic (right to left) the union fills in
// the form, forgets the terms box and is told so next to it, ticks it, and sends the request with a photo;
// the acknowledgement arrives in Arabic. Then an editor on a desktop logs in, finds the request waiting in
// the queue, records an endorsement and approves it, landing on the new draft campaign. The real app runs
// on SQLite with a fake clock (the form refuses requests sent within seconds of opening it) and mail goes
// to a loopback SMTP sink. Screenshots at phone and desktop width.
import type { Browser, Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { picture } from '../test/campaign-request-helpers.js';
import { createPerson, goodPassword } from '../test/editor-helpers.js';
import { FakeClock } from '../test/fake-clock.js';
import { startMailWorker, type TestApp } from '../test/test-app.js';
import { describeBrowser, desktop, phone, saveScreenshot, useTestAppBrowser } from './browser.js';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser('union campaign request in Chromium', () => {
  const clock = new FakeClock();
  const env = useTestAppBrowser('sqlite', clock);
  let t: TestApp;
  let browser: Browser;
  let base: string;
  beforeAll(() => {
    t = env.app();
    browser = env.browser();
    base = env.base();
  });

  it('a union requests a campaign on a phone in Arabic; an editor approves it on a desktop', async () => {
    const mail = await startMailWorker(t);
    try {
      const photo = await picture(1200, 800, 'jpeg');
      const union = await browser.newContext({ viewport: phone, locale: 'ar' });
      union.setDefaultTimeout(10_000);
      const page = await union.newPage();
      await page.goto(`${base}/ar/request`);
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
      expect(await page.locator('h1').textContent()).toBe('اطلب حملة');
      await fitsPhone(page);
      await saveScreenshot(page, 'requests-request-ar-phone');

      await page.getByLabel('الاسم الكامل للمنظمة').fill('النقابة العامة للعاملين في الخدمات الصحية');
      await page.getByLabel('نبذة عن منظمتكم').fill('نقابة تمثّل 12 ألف عامل وعاملة في المستشفيات العامة.');
      await page.getByLabel('الموقع الإلكتروني (اختياري)').first().fill('health-union.example.org');
      await page.getByLabel('الاسم', { exact: true }).fill('سلمى حداد');
      await page.getByLabel('البريد الإلكتروني', { exact: true }).fill('salma@health-union.example.org');
      await page.getByLabel('لغة النصوص أدناه').selectOption('ar');
      await page.getByLabel('العنوان الرئيسي').fill('أعيدوا الممرضات المفصولات إلى عملهن');
      await page
        .getByLabel('الخلفية')
        .fill('فُصلت اثنتا عشرة ممرضة لأنهن انضممن إلى النقابة.\n\n**تضامنوا معهن الآن.**');
      await page
        .getByLabel('الرسالة المقترحة إلى الجهات المستهدفة')
        .fill('أعيدوا الممرضات الاثنتي عشرة إلى عملهن فورًا.');
      // The second target's address is missing: a mistake only the server can see.
      await page
        .getByLabel('الأسماء وعناوين البريد الإلكتروني')
        .fill('وزير الصحة <minister@health.example.org>\nمدير المستشفى');
      await page
        .getByLabel('صورة (اختياري)')
        .setInputFiles({ name: 'nurses.jpg', mimeType: 'image/jpeg', buffer: photo.bytes });
      await page.getByLabel('قرأت شروط الشراكة وأقبلها باسم منظمتي.').check();
      // Filling it in takes a while (a form sent within seconds is sent back before it is read).
      clock.advance(60_000);
      await page.getByRole('button', { name: 'أرسل الطلب' }).click();
      await page.waitForLoadState();

      // The form comes back with the error next to the field, in Arabic, and everything typed kept.
      expect(await page.locator('.error-summary').textContent()).toContain(
        'السطر 2: لم نجد عنوان بريد إلكتروني.',
      );
      expect(await page.locator('#targets-error').textContent()).toBe('السطر 2: لم نجد عنوان بريد إلكتروني.');
      expect(await page.getByLabel('العنوان الرئيسي').inputValue()).toBe(
        'أعيدوا الممرضات المفصولات إلى عملهن',
      );
      expect(await page.getByLabel('قرأت شروط الشراكة وأقبلها باسم منظمتي.').isChecked()).toBe(true);
      expect(await page.locator('.notice--important').first().textContent()).toContain(
        'يُرجى اختيار الشعار والصورة مرة أخرى',
      );
      await fitsPhone(page);
      await saveScreenshot(page, 'requests-request-ar-phone-errors');

      // Correcting it takes a while.
      clock.advance(90_000);
      await page
        .getByLabel('الأسماء وعناوين البريد الإلكتروني')
        .fill('وزير الصحة <minister@health.example.org>\nمدير المستشفى <director@hospital.example.org>');
      await page
        .getByLabel('صورة (اختياري)')
        .setInputFiles({ name: 'nurses.jpg', mimeType: 'image/jpeg', buffer: photo.bytes });
      await page.getByRole('button', { name: 'أرسل الطلب' }).click();
      await page.waitForURL(`${base}/ar/request/thanks`);
      expect(await page.locator('h1').textContent()).toBe('شكرًا لكم');
      await fitsPhone(page);
      await saveScreenshot(page, 'requests-thanks-ar-phone');
      await union.close();

      expect(await mail.drain()).toBe(1);
      const [ack] = await mail.sink.waitFor(1);
      expect(ack!.envelope.to).toEqual(['salma@health-union.example.org']);
      expect(ack!.parsed.subject).toBe('استلمنا طلب الحملة: أعيدوا الممرضات المفصولات إلى عملهن');

      // An editor on a desktop.
      await createPerson(t, 'editor', { name: 'Kofi Boateng' });
      const office = await browser.newContext({ viewport: desktop });
      office.setDefaultTimeout(10_000);
      const editor = await office.newPage();
      await editor.goto(`${base}/editor/login`);
      await editor.getByLabel('Email address').fill('editor@example.org');
      await editor.getByLabel('Password', { exact: true }).fill(goodPassword);
      await editor.getByRole('button', { name: 'Log in' }).click();
      await editor.waitForURL(`${base}/editor`);
      await editor.getByRole('link', { name: 'Requests' }).first().click();
      await editor.waitForURL(`${base}/editor/requests`);
      expect(await editor.locator('h2').first().textContent()).toBe('Waiting (2)');
      await saveScreenshot(editor, 'requests-queue-desktop');

      await editor.getByRole('link', { name: 'أعيدوا الممرضات المفصولات إلى عملهن' }).click();
      await editor.waitForURL(/\/editor\/requests\/\d+$/);
      expect(await editor.locator('.editor-facts').textContent()).toContain('سلمى حداد');
      expect(
        await editor.locator('.requests-photo img').evaluate((img) => (img as HTMLImageElement).naturalWidth),
      ).toBe(1200);
      await editor.getByLabel('Organisation', { exact: true }).fill('Public Services International (PSI)');
      await editor.getByLabel('Website (optional)').fill('https://publicservices.international');
      await editor.getByRole('button', { name: 'Record the endorsement' }).click();
      await expect
        .poll(() => editor.locator('.editor-notice').textContent())
        .toBe('The endorsement is recorded.');
      await saveScreenshot(editor, 'requests-request-desktop');

      await editor.setViewportSize(phone);
      await fitsPhone(editor);
      await saveScreenshot(editor, 'requests-request-phone');
      await editor.setViewportSize(desktop);

      await editor.getByRole('button', { name: 'Approve and create the draft' }).click();
      await editor.waitForURL(/\/editor\/campaigns\/campaign\?done=approved$/);
      expect(await editor.locator('.editor-notice').textContent()).toBe(
        'The request is approved: this is its draft campaign.',
      );
      expect(await editor.locator('h1').textContent()).toBe('أعيدوا الممرضات المفصولات إلى عملهن');
      await saveScreenshot(editor, 'requests-approved-desktop');

      const partners = await t.db.kysely
        .selectFrom('partners as p')
        .innerJoin('campaigns as c', 'c.id', 'p.campaign_id')
        .select(['p.name', 'c.source_locale', 'c.status'])
        .where('c.slug', '=', 'campaign')
        .orderBy('p.position')
        .execute();
      expect(partners).toEqual([
        { name: 'النقابة العامة للعاملين في الخدمات الصحية', source_locale: 'ar', status: 'draft' },
        { name: 'Public Services International (PSI)', source_locale: 'ar', status: 'draft' },
      ]);

      await editor.goto(`${base}/editor/requests`);
      expect(await editor.locator('h2').allTextContents()).toEqual(['Waiting (1)', 'Decided recently (1)']);
      await editor.setViewportSize(phone);
      await fitsPhone(editor);
      await saveScreenshot(editor, 'requests-queue-phone');

      // The blank-draft form behind the New campaign button.
      await editor.setViewportSize(desktop);
      await editor.goto(`${base}/editor/campaigns`);
      await editor.getByRole('link', { name: 'New campaign' }).click();
      await editor.getByLabel('Headline').fill('Poland: Hutchison Ports must reinstate Marek Szymczak');
      await editor.getByLabel('Web address (optional)').fill('New');
      await editor.getByRole('button', { name: 'Create the draft' }).click();
      expect(await editor.locator('#slug-error').textContent()).toBe(
        'This address is reserved. Please choose another one.',
      );
      await saveScreenshot(editor, 'requests-new-campaign-desktop');
      await editor.getByLabel('Web address (optional)').fill('');
      await editor.getByRole('button', { name: 'Create the draft' }).click();
      await editor.waitForURL(
        /\/editor\/campaigns\/poland-hutchison-ports-must-reinstate-marek-szymczak\?done=created$/,
      );
      await office.close();

      // An admin who works in Arabic edits the partnership terms on a phone.
      await createPerson(t, 'admin', { email: 'amal@example.org', name: 'أمل', locale: 'ar' });
      const admin = await browser.newContext({ viewport: phone });
      admin.setDefaultTimeout(10_000);
      const terms = await admin.newPage();
      await terms.goto(`${base}/editor/login`);
      await terms.getByLabel('Email address').fill('amal@example.org');
      await terms.getByLabel('Password', { exact: true }).fill(goodPassword);
      await terms.getByRole('button', { name: 'Log in' }).click();
      await terms.waitForURL(`${base}/editor`);
      await terms.goto(`${base}/editor/terms`);
      expect(await terms.locator('html').getAttribute('dir')).toBe('rtl');
      await terms.getByLabel('النص باللغة الإنجليزية').fill('**What we will do**\n\n- Publish the campaign.');
      await terms
        .locator('form')
        .filter({ has: terms.getByLabel('النص باللغة الإنجليزية') })
        .getByRole('button')
        .click();
      await expect.poll(() => terms.locator('.editor-notice--ok').textContent()).toBe('حُفظ كإصدار جديد.');
      await fitsPhone(terms);
      await saveScreenshot(terms, 'requests-terms-ar-phone');
      await admin.close();
    } finally {
      await mail.close();
    }
  }, 90_000);
});
