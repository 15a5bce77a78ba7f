// A supporter's rights as they live them, in Arabic on a phone: sign and confirm, ask for a link to their
// data, open it from the mail, download it as JSON, erase it; the campaign's count stays, the name goes.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const shots = '/tmp/shots-s2-privacy';

describeBrowser('my data in Chromium', () => {
  const demo = useDemoBrowser();

  async function shot(page: import('playwright-core').Page, name: string) {
    const path = await saveScreenshot(page, name);
    mkdirSync(shots, { recursive: true });
    copyFileSync(path, join(shots, `${name}.png`));
  }

  it('asks for a link, opens it, downloads, erases: the count stays and the name is gone', async () => {
    const base = demo.server().url;
    const sink = demo.server().sink;
    const context = await demo.browser().newContext({ viewport: phone, acceptDownloads: true });
    const page = await context.newPage();

    await page.goto(`${base}/ar/campaigns/${erlan}`);
    await page.locator('#name').fill('ليلى حداد');
    await page.locator('#email').fill('layla.haddad@example.org');
    await page.locator('#country').selectOption('LB');
    await page.locator('#alerts').check();
    await page.locator('form.sign-form button[type=submit]').click();
    await page.waitForURL(/\/thanks/);
    const [confirmMail] = await sink.waitFor(1, 10_000);
    await page.goto(
      /(https?:\/\/\S+\/ar\/confirm\/[A-Za-z0-9_-]+)/.exec(confirmMail!.parsed.text ?? '')![1]!,
    );
    await page.locator('form button[type=submit]').click();
    await page.waitForLoadState();
    const count = async () =>
      ((await (await fetch(`${base}/api/campaigns/${erlan}/count`)).json()) as { total: number }).total;
    await expect.poll(count).toBe(1);

    await page.goto(`${base}/ar/privacy`);
    await page.getByRole('link', { name: 'اطّلع على بياناتك أو نزّلها أو احذفها' }).click();
    await page.waitForURL(/\/ar\/my-data$/);
    await shot(page, 'my-data-ar-phone-request');
    await page.getByLabel('عنوان بريدك الإلكتروني').fill('layla.haddad@example.org');
    await page.getByRole('button', { name: 'أرسل لي رابطًا' }).click();
    await page.waitForURL(/\/ar\/my-data\/sent$/);
    expect(await page.locator('h1').textContent()).toBe('تحقّق من بريدك الإلكتروني');

    const mails = await sink.waitFor(3, 10_000);
    const mail = mails.find((m) => m.parsed.subject?.startsWith('بياناتك'))!;
    const link = /(https?:\/\/\S+\/ar\/my-data\/link\/[A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
    await page.goto(link);
    await shot(page, 'my-data-ar-phone-open');
    await page.getByRole('button', { name: 'اعرض بياناتي' }).click();
    await page.waitForURL(/\/ar\/my-data\/view$/);
    expect(await page.locator('main').textContent()).toContain('ليلى حداد');
    await shot(page, 'my-data-ar-phone-view');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'نزّل كل شيء بصيغة JSON' }).click(),
    ]);
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8')) as {
      supporter: { name: string; email: string };
      signatures: { campaignSlug: string }[];
      consents: unknown[];
    };
    expect(json.supporter).toMatchObject({ name: 'ليلى حداد', email: 'layla.haddad@example.org' });
    expect(json.signatures.map((s) => s.campaignSlug)).toEqual([erlan]);

    await page.getByRole('link', { name: 'احذف بياناتي…' }).click();
    await shot(page, 'my-data-ar-phone-erase');
    await page.getByRole('button', { name: 'نعم، احذف كل شيء' }).click();
    expect(await page.locator('h1').textContent()).toBe('حُذفت بياناتك');
    await shot(page, 'my-data-ar-phone-erased');

    expect(await count()).toBe(1);
    const names = await demo
      .server()
      .running.db.kysely.selectFrom('signatures')
      .select(['name', 'message'])
      .execute();
    expect(JSON.stringify(names)).not.toContain('ليلى');
    // The spent link does nothing more.
    await page.goto(link);
    expect(await page.locator('main').textContent()).toContain('انتهت صلاحية هذا الرابط');

    // The same pages in English on a desktop, for the eye.
    await page.setViewportSize(desktop);
    await page.goto(`${base}/en/my-data`);
    await shot(page, 'my-data-en-desktop-request');
    await context.close();
  }, 120_000);
});
