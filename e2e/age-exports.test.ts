// Partner exports encrypted with age, in Chromium on the demo: an editor opens the encryption keys page from
// the report links, gives the first partner's age public key (a wrong one first: the error, the text kept),
// makes a report link, and the partner's report says the file is encrypted and how to open it; the download
// opens with the partner's identity. Phone and desktop, English and Arabic (right to left). Screenshots.
import { Decrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoCampaignSlug } from '../src/cli/demo/seed.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { testDialects } from '../test/db.js';
import { describeBrowser, desktop, phone, saveScreenshot, shotName, useDemoBrowser } from './browser.js';

const password = 'age journey password';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

describeBrowser.each(testDialects)('age exports in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  it('sets a partner key, and the partner report offers an encrypted file that its identity opens', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    const users = new UserRepository(db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'age-editor@example.org',
        name: 'Amal Haddad',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );
    const identity = await generateIdentity();
    const recipient = await identityToRecipient(identity);
    const keysPage = `${base}/editor/campaigns/${demoCampaignSlug}/age-keys`;

    const context = await demo.browser().newContext({ viewport: phone, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${base}/editor/login`);
    await page.getByLabel('Email address').fill('age-editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/editor`);

    await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/report-links`);
    await page.getByRole('link', { name: 'Encryption keys for partners' }).click();
    await page.waitForURL(keysPage);
    const field = page.getByLabel('age public key').first();
    await field.fill('AGE-SECRET-KEY-1NOTAPUBLICKEY');
    await page.getByRole('button', { name: 'Save the key' }).first().click();
    expect(await page.locator('.error-summary, [role="alert"]').first().textContent()).toContain(
      'This is not an age public key',
    );
    expect(await page.getByLabel('age public key').first().inputValue()).toBe(
      'AGE-SECRET-KEY-1NOTAPUBLICKEY',
    );
    await saveScreenshot(page, shotName('age-keys-error-phone', dialect));
    await page.getByLabel('age public key').first().fill(recipient);
    await page.getByRole('button', { name: 'Save the key' }).first().click();
    await page.waitForURL(`${keysPage}?done=saved`);
    expect(await page.locator('main').textContent()).toContain(recipient.slice(0, 12));
    await fitsPhone(page);
    await saveScreenshot(page, shotName('age-keys-phone', dialect));

    await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/report-links`);
    await page.getByRole('button', { name: 'Make the link' }).click();
    const link = await page.locator('input.share__link').inputValue();
    // The list of links scrolls sideways in its own box; the page itself fits the phone.
    await fitsPhone(page);
    await saveScreenshot(page, shotName('report-links-phone', dialect));
    const report = new URL(link).pathname;
    await page.goto(`${base}${report}`);
    expect(await page.locator('main').textContent()).toContain('age -d -i key.txt');
    await fitsPhone(page);
    await saveScreenshot(page, shotName('age-partner-report-phone', dialect));
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download every signer (CSV)' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const d = new Decrypter();
    d.addIdentity(identity);
    const text = await d.decrypt(new Uint8Array(await readFile(file)), 'text');
    expect(text.startsWith('signed_at,name,')).toBe(true);

    await page.setViewportSize(desktop);
    await page.goto(keysPage);
    await saveScreenshot(page, shotName('age-keys-desktop', dialect));
    await page.goto(`${base}${report}`);
    await saveScreenshot(page, shotName('age-partner-report-desktop', dialect));
    await page.goto(`${base}/editor/campaigns/${demoCampaignSlug}/petition`);
    await page.getByLabel('Encrypt for a partner').selectOption({ index: 1 });
    await page.getByLabel('Encrypt for a partner').scrollIntoViewIfNeeded();
    await saveScreenshot(page, shotName('age-petition-export-desktop', dialect), false);
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download the signers (CSV)' }).click();
    const csv = await (await exported).path();
    expect((await d.decrypt(new Uint8Array(await readFile(csv)), 'text')).startsWith('signed_at,')).toBe(
      true,
    );

    await users.update(id, { locale: 'ar' });
    await page.goto(keysPage);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await saveScreenshot(page, shotName('age-keys-ar-desktop', dialect));
    await page.goto(`${base}${report.replace(/^\/[a-z-]+\//i, '/ar/')}`);
    await saveScreenshot(page, shotName('age-partner-report-ar-desktop', dialect));
    await page.setViewportSize(phone);
    await page.goto(keysPage);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('age-keys-ar-phone', dialect));
    await page.goto(`${base}${report.replace(/^\/[a-z-]+\//i, '/ar/')}`);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('age-partner-report-ar-phone', dialect));
    await context.close();
  }, 120_000);
});
