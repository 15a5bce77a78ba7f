// The editor dashboard in Chromium on the demo with two weeks of signatures: at desktop and phone width and
// in Arabic (right to left), a number changing without a reload after a supporter signs and confirms in
// another browser, and the review of held signatures with one signature released. Screenshots of each.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import type { Db } from '../src/db/database.js';
import { SignatureRepository } from '../src/db/signature.repository.js';
import { UserRepository } from '../src/db/user.repository.js';
import { hashPassword } from '../src/security/password.js';
import { blindIndex } from '../test/blind-index.js';
import { testDialects } from '../test/db.js';
import { erlan } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, saveScreenshot, shotName, useDemoBrowser } from './browser.js';

const password = 'dashboard journey password';
const belarus = 'belarus-trade-unionism-is-not-extremism';
const day = 86_400_000;

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

/**
 * Two weeks of signatures written as rows (no outbox, so the only mail the sink gets is the journey's own),
 * then the counts rebuilt from them as the reconcile job does. A few held ones from one network.
 */
async function twoWeeks(db: Db, now: number): Promise<void> {
  const campaigns = await db.kysely.selectFrom('campaigns').select(['id', 'slug']).execute();
  const id = (slug: string) => campaigns.find((c) => c.slug === slug)!.id;
  const locales = ['en', 'en', 'tl', 'ar', 'ru', 'en', 'tl'];
  const plan: { campaignId: number; at: number; locale: string; status: string; ip: string | null }[] = [];
  for (let d = 13; d >= 1; d--) {
    const erlanToday = Math.round(12 + (13 - d) * 4 + (d % 3) * 6);
    for (let i = 0; i < erlanToday; i++) {
      plan.push({
        campaignId: id(erlan),
        at: now - d * day + i * 60_000,
        locale: locales[i % 7]!,
        status: 'confirmed',
        ip: null,
      });
    }
    for (let i = 0; i < (d % 4) * 3 + 2; i++) {
      plan.push({
        campaignId: id(belarus),
        at: now - d * day + i * 90_000,
        locale: i % 2 ? 'en' : 'ru',
        status: 'confirmed',
        ip: null,
      });
    }
  }
  for (let i = 0; i < 3; i++) {
    plan.push({
      campaignId: id(erlan),
      at: now - 3_600_000 + i * 30_000,
      locale: 'en',
      status: 'held',
      ip: 'workplace-net',
    });
  }
  let n = 0;
  for (const p of plan) {
    n++;
    const email = `demo-${n}@example.org`;
    const supporter = await db.kysely
      .insertInto('supporters')
      .values({
        email,
        email_index: blindIndex(email),
        name: `Supporter ${n}`,
        locale: p.locale,
        country: 'KZ',
        union_name: null,
        created_at: p.at,
        updated_at: p.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('signatures')
      .values({
        campaign_id: p.campaignId,
        supporter_id: supporter.id,
        locale: p.locale,
        name:
          p.status === 'held'
            ? ['Aigerim Bekova', 'Dauren Sadykov', 'Gulnara Ospanova'][n % 3]!
            : `Supporter ${n}`,
        union_name: p.status === 'held' ? 'Oil workers of Mangystau' : null,
        country: 'KZ',
        message: 'Free Erlan Baltabay now.',
        source: null,
        status: p.status,
        confirm_token_hash: null,
        ip_hash: p.ip,
        created_at: p.at,
        confirmed_at: p.status === 'confirmed' ? p.at : null,
        confirmation_sent_at: p.status === 'confirmed' ? null : p.at,
      })
      .execute();
  }
  await new SignatureRepository(db).reconcileCounts();
  // A bounced target address and a campaign ending within the week: things that need a human.
  await db.kysely
    .updateTable('targets')
    .set({
      status: 'bounced',
      bounced_at: now - 2 * 3_600_000,
      last_error: '550 5.1.1 <press@mfa-kz.example.org>: user unknown',
    })
    .where('email', '=', 'press@mfa-kz.example.org')
    .execute();
  await db.kysely
    .updateTable('campaigns')
    .set({ ends_at: now + 4 * day })
    .where('slug', '=', belarus)
    .execute();
}

describeBrowser.each(testDialects)('editor dashboard in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  it('shows live figures at desktop and phone width and in Arabic, updating without a reload', async () => {
    const base = demo.server().url;
    const db = demo.server().running.db;
    await twoWeeks(db, Date.now());
    const users = new UserRepository(db);
    const { id } = await users.upsertWithPassword(
      {
        email: 'editor@example.org',
        name: 'Nadia Haddad',
        role: 'editor',
        passwordHash: await hashPassword(password),
      },
      Date.now(),
    );

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const errors: string[] = [];
    // Scripts and styles must load and run cleanly (the browser's own favicon request aside).
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.includes('/favicon.ico'))
        errors.push(`${m.text()} ${m.location().url}`);
    });
    await page.goto(`${base}/editor/login`);
    await page.getByLabel('Email address').fill('editor@example.org');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL(`${base}/editor`);
    expect(await page.locator('h1').textContent()).toBe('Hello, Nadia Haddad');
    expect(await page.locator('#dash-needs + ul').textContent()).toContain('3 held signatures to review');
    await saveScreenshot(page, shotName('dashboard-desktop', dialect));

    // A supporter signs in another browser and confirms from the mail; the open dashboard counts it.
    const today = page.locator(`[data-figure="c:${erlan}:today"]`);
    const before = Number(await today.textContent());
    const supporter = await demo.browser().newContext({ viewport: phone });
    const sign = await supporter.newPage();
    await sign.goto(`${base}/en/campaigns/${erlan}`);
    await sign.getByLabel('Your name').fill('Ana Souza');
    await sign.getByLabel('Your email').fill('ana.souza@example.org');
    await sign.getByLabel('Country', { exact: true }).selectOption('BR');
    await sign.getByRole('button', { name: 'Send' }).click();
    await sign.waitForURL(/\/thanks\?confirm=1$/);
    // Other mail may arrive too (the week-before reminder for the campaign ending soon): find Ana's.
    const sink = demo.server().sink;
    const toAna = () => sink.messages.find((m) => m.envelope.to.includes('ana.souza@example.org'));
    await expect.poll(toAna, { timeout: 10_000 }).toBeTruthy();
    const link = /(https?:\/\/\S+\/en\/confirm\/[A-Za-z0-9_-]+)/.exec(toAna()!.parsed.text ?? '')![1]!;
    await sign.goto(link);
    await sign.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect.poll(() => sign.locator('h1').textContent()).toBe('Confirmed. Thank you!');
    await supporter.close();
    await expect
      .poll(async () => Number(await today.textContent()), { timeout: 15_000, interval: 500 })
      .toBe(before + 1);
    expect(await page.locator(`[data-bar="c:${erlan}:bar:13"]`).getAttribute('height')).not.toBe('0');
    await saveScreenshot(page, shotName('dashboard-desktop-live', dialect));

    await page.setViewportSize(phone);
    await page.reload();
    await fitsPhone(page);
    await saveScreenshot(page, shotName('dashboard-phone', dialect));
    await page.locator('.day-chart__numbers summary').first().click();
    await fitsPhone(page);
    await saveScreenshot(page, shotName('dashboard-phone-numbers', dialect));

    // The held signatures, from the dashboard's link: one released.
    await page.getByRole('link', { name: /3 held signatures to review/ }).click();
    await page.waitForURL(`${base}/editor/campaigns/${erlan}/held`);
    expect(await page.locator('.held-item').count()).toBe(3);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('dashboard-held-phone', dialect));
    await page.locator('.held-item').first().getByRole('button', { name: 'Release' }).click();
    await expect.poll(() => page.locator('.editor-notice').textContent()).toBe('1 signature released.');
    expect(await page.locator('.held-item').count()).toBe(2);
    await page.setViewportSize(desktop);
    await saveScreenshot(page, shotName('dashboard-held-desktop', dialect));

    // Arabic, right to left: today's bar on the left.
    await users.update(id, { locale: 'ar' });
    await page.goto(`${base}/editor`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('#dash-live').textContent()).toBe('الحملات الجارية');
    const bars = page.locator(`[data-bar^="c:${erlan}:bar:"]`);
    expect(await bars.last().getAttribute('x')).toBe('1');
    await saveScreenshot(page, shotName('dashboard-ar-desktop', dialect));
    await page.setViewportSize(phone);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('dashboard-ar-phone', dialect));
    await page.goto(`${base}/editor/campaigns/${erlan}/held`);
    await fitsPhone(page);
    await saveScreenshot(page, shotName('dashboard-held-ar-phone', dialect));
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
