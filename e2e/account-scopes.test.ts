// Account scopes in Chromium on the demo, done by the demo's admin in the browser alone: invite a partner
// and a translator, attach the partner to the demo campaign, tick the translator's languages; the partner
// accepts from the mail, sees only that campaign on the dashboard (page and JSON), then works in Arabic.
// Screenshots at phone and desktop width and in Arabic (right to left).
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { demoAdminEmail } from '../src/cli/demo.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const adminPassword = 'the demo admin password';
const partnerPassword = 'partner chooses a long password';
const belarus = 'belarus-trade-unionism-is-not-extremism';

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

async function logIn(page: Page, email: string, password: string) {
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
}

async function invite(admin: Page, email: string, role: 'partner' | 'translator') {
  await admin.getByRole('link', { name: 'Accounts' }).first().click();
  await admin.getByLabel('Email address').fill(email);
  await admin.getByLabel('Role').selectOption(role);
  await admin.getByRole('button', { name: 'Send invitation' }).click();
  await expect.poll(() => admin.locator('.editor-notice').textContent()).toBe('Invitation sent.');
}

describeBrowser('account scopes in Chromium', () => {
  const demo = useDemoBrowser();

  it('the demo admin scopes a partner and a translator; the partner sees only its campaign', async () => {
    const base = demo.server().url;
    // What `outcry demo` does: one admin with a printed password, nothing else.
    await new UserRepository(demo.server().running.db).upsertWithPassword(
      {
        email: demoAdminEmail,
        name: 'Demo admin',
        role: 'admin',
        passwordHash: await hashPassword(adminPassword),
      },
      Date.now(),
    );

    const adminContext = await demo.browser().newContext({ viewport: desktop });
    adminContext.setDefaultTimeout(10_000);
    const admin = await adminContext.newPage();
    await admin.goto(`${base}/editor/login`);
    await logIn(admin, demoAdminEmail, adminPassword);
    await admin.waitForURL(`${base}/editor`);
    await invite(admin, 'maya@example.org', 'partner');
    await invite(admin, 'tomas@example.org', 'translator');

    // The partner accepts on a phone: attached to nothing yet, the dashboard says so.
    const mails = await demo.server().sink.waitFor(2, 10_000);
    const toMaya = mails.find((m) => m.envelope.to.includes('maya@example.org'))!;
    const link = /(https?:\/\/\S+\/editor\/invitation\/[A-Za-z0-9_-]+)/.exec(toMaya.parsed.text ?? '')![1]!;
    const partnerContext = await demo.browser().newContext({ viewport: phone });
    partnerContext.setDefaultTimeout(10_000);
    const partner = await partnerContext.newPage();
    await partner.goto(link);
    await partner.getByLabel('Your name').fill('Maya Lindqvist');
    await partner.getByLabel('New password').fill(partnerPassword);
    await partner.getByRole('button', { name: 'Create my account' }).click();
    await partner.waitForURL(`${base}/editor`);
    expect(await partner.locator('#dash-live ~ p').allTextContents()).toContain(
      'Your account is not attached to any campaign yet, so there are no figures to show. Ask an admin to give you access to your campaigns.',
    );
    expect(await partner.locator('.dash-campaign').count()).toBe(0);
    await fitsPhone(partner);
    await saveScreenshot(partner, 'account-scopes-partner-empty-phone');

    // The admin gives the partner the demo campaign from the partner's page.
    await admin.getByRole('link', { name: 'Accounts' }).first().click();
    await admin.getByRole('link', { name: 'Maya Lindqvist' }).click();
    const option = admin.locator('#campaign option', { hasText: 'Kazakhstan: Erlan Baltabay' });
    await admin.getByLabel('Campaign', { exact: true }).selectOption((await option.getAttribute('value'))!);
    await admin.getByRole('button', { name: 'Give access' }).click();
    await expect.poll(() => admin.locator('.editor-notice').textContent()).toBe('Access given.');
    expect(await admin.locator('.scope-item').count()).toBe(1);
    await saveScreenshot(admin, 'account-scopes-partner-desktop');
    await admin.locator('.scope-item a').click();
    await admin.waitForURL(`${base}/editor/campaigns/${erlan}`);
    const access = admin.locator('section[aria-labelledby="partner-access"]');
    expect(await access.locator('h2').textContent()).toBe('Partner accounts with access');
    expect(await access.locator('li a').textContent()).toBe('Maya Lindqvist');
    await access.scrollIntoViewIfNeeded();
    await saveScreenshot(admin, 'account-scopes-campaign-desktop');

    // And ticks the translator's languages (the invitation is still open: that is fine).
    await admin.getByRole('link', { name: 'Accounts' }).first().click();
    await admin.getByRole('link', { name: 'tomas@example.org' }).click();
    await admin.getByLabel('Arabic — العربية').check();
    await admin.getByLabel('Filipino', { exact: true }).check();
    await admin.getByRole('button', { name: 'Save languages' }).click();
    await expect.poll(() => admin.locator('.editor-notice').textContent()).toBe('Languages saved.');
    expect(await admin.locator('#scope p').nth(1).textContent()).toBe(
      'Works in: \u2068Arabic\u2069 and \u2068Filipino\u2069.',
    );
    await saveScreenshot(admin, 'account-scopes-translator-desktop');
    await admin.setViewportSize(phone);
    await fitsPhone(admin);
    await saveScreenshot(admin, 'account-scopes-translator-phone');

    // The partner reloads: the demo campaign only (the Belarus petition is live too), in the page and JSON.
    await partner.reload();
    const cards = partner.locator('.dash-campaign h3');
    expect(await cards.allTextContents()).toEqual([expect.stringContaining('Kazakhstan: Erlan Baltabay')]);
    expect(await partner.content()).not.toContain('Belarus');
    await fitsPhone(partner);
    await saveScreenshot(partner, 'account-scopes-partner-phone');
    const json = (await (await partner.request.get(`${base}/editor/dashboard.json`)).json()) as {
      figures: Record<string, string>;
    };
    expect(Object.keys(json.figures).filter((k) => k.endsWith(':total'))).toEqual([`c:${erlan}:total`]);
    expect((await partner.request.get(`${base}/editor/campaigns/${belarus}`)).status()).toBe(403);
    await partner.setViewportSize(desktop);
    await saveScreenshot(partner, 'account-scopes-partner-desktop-dashboard');

    // The partner works in Arabic: the same single campaign, right to left, on a phone.
    await partner.setViewportSize(phone);
    await partner.goto(`${base}/editor/account`);
    await partner.getByLabel('Language').selectOption('ar');
    await partner.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => partner.locator('html').getAttribute('dir')).toBe('rtl');
    await partner.goto(`${base}/editor`);
    expect(await partner.locator('#dash-live').textContent()).toBe('الحملات الجارية');
    expect(await partner.locator('.dash-campaign').count()).toBe(1);
    await fitsPhone(partner);
    await saveScreenshot(partner, 'account-scopes-partner-ar-phone');

    // The admin in Arabic: both account pages, right to left, at phone width.
    await admin.goto(`${base}/editor/account`);
    await admin.getByLabel('Language').selectOption('ar');
    await admin.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => admin.locator('html').getAttribute('dir')).toBe('rtl');
    await admin.goto(`${base}/editor/users`);
    await admin.getByRole('link', { name: 'Maya Lindqvist' }).click();
    expect(await admin.locator('#scope-title').textContent()).toBe('الحملات التي يمكن لهذا الشريك رؤيتها');
    await fitsPhone(admin);
    await saveScreenshot(admin, 'account-scopes-partner-ar-phone-admin');
    await admin.goto(`${base}/editor/users`);
    await admin.getByRole('link', { name: 'tomas@example.org' }).click();
    expect(await admin.locator('#scope-title').textContent()).toBe('اللغات التي يعمل بها هذا المترجم');
    await fitsPhone(admin);
    await saveScreenshot(admin, 'account-scopes-translator-ar-phone');
    await admin.setViewportSize(desktop);
    await saveScreenshot(admin, 'account-scopes-translator-ar-desktop');
    await partnerContext.close();
    await adminContext.close();
  }, 120_000);
});
