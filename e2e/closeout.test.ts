// Issue 16's "done when" in Chromium, on the demo with generated signers in 15 scripts from 60 countries (a
// few hundred here, 25,000 with `npm run demo -- --signers 25000`): an editor opens the statistics, downloads
// the CSV and a dossier (pdftotext finds names in several scripts), makes a partner report link that a
// partner opens without an account (and downloads the dossier from), verifies the CSV on the public
// verification page, runs an embassy target whose letter reaches only the matching embassy (SMTP sink), and
// closes the campaign in one step: the close-out follows the final dossier until it can be downloaded.
// Screenshots of the close-out and the partner's report at phone and desktop width, in English and Arabic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seedSigners } from '../src/cli/demo/signers.js';
import type { Dialect } from '../src/db/dialect.js';
import { UserRepository } from '../src/db/user.repository.js';
import { appendSignatureLog } from '../src/domain/signature-log/append-signature-log.js';
import { logSigningKey } from '../src/security/log-signing-key.js';
import { hashPassword } from '../src/security/password.js';
import { testDialects } from '../test/db.js';
import { erlan } from '../test/sign-helpers.js';
import {
  describeBrowser,
  desktop,
  logInToEditor,
  phone,
  saveScreenshot,
  shotName,
  useDemoBrowser,
} from './browser.js';

const password = 'close-out journey password';
const signers = 300;
/** A dossier is drawn by the worker's Chromium: allow for a loaded machine. */
const renderWait = 180_000;

async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
}

/** Both widths of a page: desktop first, then the phone (nothing wider than it); the top only or whole. */
async function shoot(page: Page, name: string, dialect: Dialect, fullPage = true) {
  await page.setViewportSize(desktop);
  await saveScreenshot(page, shotName(`${name}-desktop`, dialect), fullPage);
  await page.setViewportSize(phone);
  await fitsPhone(page);
  await saveScreenshot(page, shotName(`${name}-phone`, dialect), fullPage);
  await page.setViewportSize(desktop);
}

async function bytes(context: BrowserContext, url: string): Promise<Buffer> {
  const res = await context.request.get(url);
  expect(res.status()).toBe(200);
  return res.body();
}

describeBrowser.each(testDialects)('close-out journey in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  it('statistics, CSV, dossier, partner link, verification, embassy letter and the close in one step', async () => {
    const { url: base, sink, running } = demo.server();
    const db = running.db;
    expect(await seedSigners(db, { slug: erlan, count: signers, now: Date.now() })).toMatchObject({
      status: 'seeded',
      countries: 60,
    });
    // The log job runs every five minutes; run it now so the export names a published tree head.
    await appendSignatureLog({
      log: running.services.signatureLog,
      clock: running.services.clock,
      signingKey: logSigningKey(running.config),
      salt: () => crypto.getRandomValues(new Uint8Array(16)),
    });
    const users = new UserRepository(db);
    const passwordHash = await hashPassword(password);
    await users.upsertWithPassword(
      { email: 'closer@example.org', name: 'Nadia Haddad', role: 'editor', passwordHash },
      Date.now(),
    );
    const arabic = await users.upsertWithPassword(
      { email: 'arabic@example.org', name: 'Layla Mansour', role: 'editor', passwordHash },
      Date.now(),
    );
    await users.update(arabic.id, { locale: 'ar' });

    const context = await demo.browser().newContext({ viewport: desktop });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await logInToEditor(page, base, 'closer@example.org', password);

    // Statistics: the generated signers from 60 countries on the map and in the table.
    await page.goto(`${base}/editor/campaigns/${erlan}/statistics`);
    expect(await page.locator('path[data-country="KZ"] title').textContent()).toMatch(/\d/);
    expect(await page.locator('path[data-country="KH"] title').textContent()).toMatch(/\d/);

    // The CSV: every signer, names in their scripts.
    const csv = (await bytes(context, `${base}/editor/campaigns/${erlan}/petition/export.csv`)).toString(
      'utf8',
    );
    expect(csv.split('\n').length).toBeGreaterThan(signers);
    // First words only: the petition may show first names and initials.
    for (const name of ['Ana', 'Олег', 'Γιώργος', 'ნინო', 'Արամ', 'अनीता', 'สมชาย', '山田', '김'])
      expect(csv.includes(name), name).toBe(true);

    // A dossier made on the dossiers page, then downloaded: its text has names in several scripts.
    await page.goto(`${base}/editor/campaigns/${erlan}/dossiers`);
    await page.getByRole('button', { name: 'Make the dossier' }).click();
    const made = page.getByRole('link', { name: 'Download PDF' }).first();
    await made.waitFor({ timeout: renderWait });
    const pdf = await bytes(context, new URL((await made.getAttribute('href'))!, base).href);
    const dir = mkdtempSync(join(tmpdir(), 'outcry-closeout-'));
    try {
      writeFileSync(join(dir, 'dossier.pdf'), pdf);
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'dossier.pdf'), '-'], {
        encoding: 'utf8',
      });
      for (const part of ['Ana', 'Олег', 'Γιώργος', 'ნინო', 'Արամ', '山田'])
        expect(text.includes(part), part).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // A report link for the first partner; a partner opens it with no account, in English and Arabic.
    await page.goto(`${base}/editor/campaigns/${erlan}/report-links`);
    await page.getByRole('button', { name: 'Make the link' }).click();
    const link = await page.locator('input.share__link').inputValue();
    const partner = await demo.browser().newContext({ viewport: desktop });
    partner.setDefaultTimeout(15_000);
    const report = await partner.newPage();
    await report.goto(link);
    expect(await report.locator('.report__total').textContent()).toContain(`${signers}`);
    const dossierLink = report.getByRole('link', { name: /Download the dossier \(PDF/ });
    expect(await dossierLink.getAttribute('href')).toBe(`${new URL(link).pathname}/dossier.pdf`);
    const fromPartner = await bytes(partner, `${link}/dossier.pdf`);
    expect(fromPartner.subarray(0, 5).toString()).toBe('%PDF-');
    await shoot(report, 'closeout-partner-report-en', dialect, false);
    await report.goto(link.replace('/en/partner-report/', '/ar/partner-report/'));
    expect(await report.locator('html').getAttribute('dir')).toBe('rtl');
    await shoot(report, 'closeout-partner-report-ar', dialect, false);

    // The public verification page: the downloaded CSV matches the published tree head.
    const verify = await partner.newPage();
    await verify.goto(`${base}/en/verify`);
    await verify.getByLabel('The export (CSV text)').fill(csv.replace(/^\uFEFF/, ''));
    await verify.getByRole('button', { name: 'Verify' }).click();
    await verify.getByText(/^Verified:/).waitFor();

    // An embassy target: a supporter in Germany writes to the embassy in Germany, never the one in Japan.
    for (const [name, email, countries] of [
      ['Embassy of Kazakhstan in Germany', 'berlin@embassy.example.org', 'DE'],
      ['Embassy of Kazakhstan in Japan', 'tokyo@embassy.example.org', 'JP'],
    ] as const) {
      await page.goto(`${base}/editor/campaigns/${erlan}/targets`);
      const form = page.locator('form', { has: page.getByRole('button', { name: 'Add the target' }) });
      await form.getByLabel('Name', { exact: true }).fill(name);
      await form.getByLabel('Email address', { exact: true }).fill(email);
      await form.getByLabel('Countries (embassy campaigns)').fill(countries);
      await form.getByRole('button', { name: 'Add the target' }).click();
      await page.waitForURL(/\/targets(\?|$)/);
    }
    const supporter = await partner.newPage();
    await supporter.goto(`${base}/en/campaigns/${erlan}`);
    await supporter.getByLabel('Your name').fill('Jonas Weber');
    await supporter.getByLabel('Your email').fill('jonas.weber@example.org');
    await supporter.getByLabel('Country', { exact: true }).selectOption('DE');
    await supporter.getByRole('button', { name: 'Send' }).click();
    await supporter.waitForURL(/\/thanks\?confirm=1/);
    const confirmMail = await sink.waitFor(1, 15_000);
    const confirmLink = /(https?:\/\/\S+\/en\/confirm\/[A-Za-z0-9_-]+)/.exec(
      confirmMail[0]!.parsed.text ?? '',
    )![1]!;
    await supporter.goto(confirmLink);
    await supporter.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect
      .poll(
        () => sink.messages.filter((m) => m.parsed.from?.value[0]?.name === 'Jonas Weber via Outcry').length,
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(8);
    const letters = sink.messages
      .filter((m) => m.parsed.from?.value[0]?.name === 'Jonas Weber via Outcry')
      .map((m) => m.envelope.to[0]);
    expect(letters).toContain('berlin@embassy.example.org');
    expect(letters).not.toContain('tokyo@embassy.example.org');

    // Close in one step: the close-out follows the final dossier and then offers it.
    await page.goto(`${base}/editor/campaigns/${erlan}`);
    await page.getByLabel('Outcome in English (optional)').fill('Erlan Baltabay is free.');
    await page.getByRole('button', { name: 'Close the campaign' }).click();
    await page.waitForURL(/done=closed/);
    await page.getByText('Final dossier, the petition as a PDF in English:').waitFor();
    const final = page.locator('#close-out ~ ul a', { hasText: 'Download PDF' });
    await final.waitFor({ timeout: renderWait });
    const finalPdf = await bytes(context, new URL((await final.getAttribute('href'))!, base).href);
    expect(finalPdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.locator('#close-out').scrollIntoViewIfNeeded();
    await shoot(page, 'closeout-panel-en', dialect);
    // The partner's link now offers the final dossier.
    expect(await bytes(partner, `${link}/dossier.pdf`)).toEqual(finalPdf);

    const arabicContext = await demo.browser().newContext({ viewport: desktop });
    arabicContext.setDefaultTimeout(15_000);
    const arabicPage = await arabicContext.newPage();
    await logInToEditor(arabicPage, base, 'arabic@example.org', password);
    await arabicPage.goto(`${base}/editor/campaigns/${erlan}`);
    expect(await arabicPage.locator('html').getAttribute('dir')).toBe('rtl');
    await arabicPage.locator('#close-out').waitFor();
    await shoot(arabicPage, 'closeout-panel-ar', dialect);
    await Promise.all([context.close(), partner.close(), arabicContext.close()]);
  }, 600_000);
});
