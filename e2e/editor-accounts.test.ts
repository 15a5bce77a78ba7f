// The accounts journey in Chromium: an admin logs in (after one wrong password), invites an editor; the
// editor opens the invitation from the mail, chooses name and password, logs out and in again. Then the
// admin switches to Arabic. Screenshots at phone and desktop width, in English and in Arabic.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const adminPassword = 'admin password for the journey';
const editorPassword = 'nadia chooses a long password';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

describeBrowser('editor accounts in Chromium', () => {
  const demo = useDemoBrowser();

  it('admin invites an editor, who accepts from the mail, logs out and in; the admin works in Arabic', async () => {
    const base = demo.server().url;
    await new UserRepository(demo.server().running.db).upsertWithPassword(
      {
        email: 'admin@example.org',
        name: 'Ama Mensah',
        role: 'admin',
        passwordHash: await hashPassword(adminPassword),
      },
      Date.now(),
    );

    // The admin, on a desktop: the editor sends them to log in; a wrong password is explained.
    const adminContext = await demo.browser().newContext({ viewport: desktop });
    adminContext.setDefaultTimeout(10_000);
    const admin = await adminContext.newPage();
    await admin.goto(`${base}/editor`);
    await admin.waitForURL(/\/editor\/login\?next=%2Feditor$/);
    await logIn(admin, 'admin@example.org', 'not the password at all');
    await expect
      .poll(() => admin.locator('.editor-notice--error').textContent())
      .toBe('The email address or password is not right.');
    await saveScreenshot(admin, 'editor-login-error-desktop');
    await logIn(admin, 'admin@example.org', adminPassword);
    await admin.waitForURL(`${base}/editor`);
    expect(await admin.locator('h1').textContent()).toBe('Hello, Ama Mensah');
    await saveScreenshot(admin, 'editor-home-admin-desktop');

    await admin.getByRole('link', { name: 'Accounts' }).first().click();
    await admin.getByLabel('Email address').fill('nadia@example.org');
    await admin.getByLabel('Role').selectOption('editor');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await expect.poll(() => admin.locator('.editor-notice').textContent()).toBe('Invitation sent.');
    await saveScreenshot(admin, 'editor-users-desktop');

    // The editor, on a phone: the invitation arrives by mail.
    const [invitation] = await demo.server().sink.waitFor(1, 10_000);
    expect(invitation!.parsed.subject).toBe('Ama Mensah invited you to Outcry');
    const link = /(https?:\/\/\S+\/editor\/invitation\/[A-Za-z0-9_-]+)/.exec(
      invitation!.parsed.text ?? '',
    )![1]!;
    const editorContext = await demo.browser().newContext({ viewport: phone });
    editorContext.setDefaultTimeout(10_000);
    const editor = await editorContext.newPage();
    await editor.goto(link);
    expect(await editor.locator('h1').textContent()).toBe('Welcome');
    await fitsPhone(editor);
    await editor.getByLabel('Your name').fill('Nadia Haddad');
    await editor.getByLabel('New password').fill(editorPassword);
    await saveScreenshot(editor, 'editor-invitation-phone');
    await editor.getByRole('button', { name: 'Create my account' }).click();
    await editor.waitForURL(`${base}/editor`);
    expect(await editor.locator('h1').textContent()).toBe('Hello, Nadia Haddad');
    expect(await editor.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
    await fitsPhone(editor);
    await saveScreenshot(editor, 'editor-home-editor-phone');

    await editor.getByRole('button', { name: 'Log out' }).click();
    await editor.waitForURL(`${base}/editor/login`);
    await logIn(editor, 'nadia@example.org', editorPassword);
    await editor.waitForURL(`${base}/editor`);
    await editor.getByRole('button', { name: 'Log out' }).click();
    await editor.waitForURL(`${base}/editor/login`);
    await editor.goto(`${base}/editor/account`);
    await editor.waitForURL(/\/editor\/login\?next=/);
    await saveScreenshot(editor, 'editor-login-phone');
    await editorContext.close();

    // The admin switches to Arabic: the interface turns right to left, at desktop and phone width.
    await admin.getByRole('link', { name: 'My account' }).click();
    await admin.getByLabel('Language').selectOption('ar');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await admin.locator('.editor-notice').textContent()).toBe('تم الحفظ.');
    await saveScreenshot(admin, 'editor-account-ar-desktop');
    await admin.setViewportSize(phone);
    await fitsPhone(admin);
    await saveScreenshot(admin, 'editor-account-ar-phone');
    await admin.goto(`${base}/editor/users`);
    await fitsPhone(admin);
    await saveScreenshot(admin, 'editor-users-ar-phone');
    await admin.goto(`${base}/editor/audit`);
    expect(await admin.locator('h1').textContent()).toBe('سجل التدقيق');
    await fitsPhone(admin);
    await saveScreenshot(admin, 'editor-audit-ar-phone');
    await adminContext.close();
  }, 90_000);
});
