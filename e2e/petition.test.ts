// The petition journey: a supporter signs the Belarus campaign (petition only) on a phone choosing to
// appear as "a supporter from Chile", confirms from the mail, and finds that line on the public petition in
// English and in Arabic (right to left), beside a signer shown by first name and initial. Then the printable
// petition with names in 15 scripts becomes an A4 PDF through Chromium's page.pdf(), with a font for each.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { expect, it } from 'vitest';
import { testDialects } from '../test/db.js';
import { buildSignCommand } from '../test/factories.js';
import {
  type DemoServer,
  describeBrowser,
  desktop,
  phone,
  saveScreenshot,
  shotName,
  useDemoBrowser,
} from './browser.js';

const belarus = 'belarus-trade-unionism-is-not-extremism';
const shots = '/tmp/shots-s2-petition';

describeBrowser.each(testDialects)('the public petition in Chromium on %s', (dialect) => {
  const demo = useDemoBrowser({}, dialect);

  async function shot(page: Parameters<typeof saveScreenshot>[0], name: string) {
    const path = await saveScreenshot(page, shotName(name, dialect));
    mkdirSync(shots, { recursive: true });
    copyFileSync(path, `${shots}/${shotName(name, dialect)}.png`);
  }

  async function signAndConfirm(
    browser: Browser,
    who: { name: string; email: string; union: string; country: string; anonymous: boolean },
    mails: number,
  ) {
    const context = await browser.newContext({ viewport: phone });
    const page = await context.newPage();
    await page.goto(`${demo.server().url}/en/campaigns/${belarus}`);
    await page.getByLabel('Your name').fill(who.name);
    await page.getByLabel('Your email').fill(who.email);
    await page.getByLabel('Your union (optional)').fill(who.union);
    await page.getByLabel('Country', { exact: true }).selectOption(who.country);
    const box = page.getByLabel(/show me only as “a supporter from” my country/);
    expect(await box.isChecked()).toBe(false);
    if (who.anonymous) {
      await box.check();
      await page.locator('#petition-help').scrollIntoViewIfNeeded();
      await shot(page, 'sign-en-phone-supporter-from');
    }
    await page.getByRole('button', { name: 'Send' }).click();
    await page.waitForURL(/\/thanks\?confirm=1$/);
    // Other mail may arrive meanwhile (the demo's worker runs): wait for this person's.
    let mail: Awaited<ReturnType<DemoServer['sink']['waitFor']>>[number] | undefined;
    for (let n = mails; !mail; n++) {
      mail = (await demo.server().sink.waitFor(n, 10_000)).find((m) => m.envelope.to.includes(who.email));
    }
    const link = /(https?:\/\/\S+\/en\/confirm\/[A-Za-z0-9_-]+)/.exec(mail.parsed.text ?? '')![1]!;
    await page.goto(link);
    await page.getByRole('button', { name: 'Confirm my signature' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Confirmed');
    await context.close();
  }

  it('signs as "a supporter from Chile" and appears so on the petition, in English and Arabic, on a phone', async () => {
    const browser = demo.browser();
    await signAndConfirm(
      browser,
      { name: 'Oleg Petrov', email: 'oleg@example.org', union: 'BKDP', country: 'BY', anonymous: false },
      1,
    );
    await signAndConfirm(
      browser,
      {
        name: 'Camila Rojas',
        email: 'camila@example.org',
        union: 'CUT Chile',
        country: 'CL',
        anonymous: true,
      },
      2,
    );

    const page = await browser.newPage({ viewport: phone });
    await page.goto(`${demo.server().url}/en/campaigns/${belarus}`);
    await page.getByRole('link', { name: 'See who has signed' }).click();
    await page.waitForURL(/\/en\/campaigns\/.*\/petition$/);
    const names = () => page.locator('.signer__name').allTextContents();
    expect(await names()).toEqual(['A supporter from Chile', 'Oleg P.']);
    expect(await page.locator('.petition').textContent()).not.toContain('Camila');
    expect(await page.locator('.petition').textContent()).not.toContain('CUT Chile');
    expect(await page.locator('h2#signers').textContent()).toBe('2 signatures');
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(page, 'petition-en-phone');

    // Filter by country without JavaScript's help: a plain GET form.
    await page.getByLabel('Country', { exact: true }).selectOption('CL');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/country=CL/);
    expect(await names()).toEqual(['A supporter from Chile']);

    await page.goto(`${demo.server().url}/ar/campaigns/${belarus}/petition`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await names()).toEqual(['مؤيد من تشيلي', 'Oleg P.']);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(phone.width);
    await shot(page, 'petition-ar-phone');

    await page.setViewportSize(desktop);
    await shot(page, 'petition-ar-desktop');
    await page.goto(`${demo.server().url}/en/campaigns/${belarus}/petition`);
    await shot(page, 'petition-en-desktop');
    await page.close();
  });

  it('prints the petition grouped by country to an A4 PDF, every script set in an embedded Noto font', async () => {
    const { services } = demo.server().running;
    const { id } = await services.db.kysely
      .selectFrom('campaigns')
      .select('id')
      .where('slug', '=', belarus)
      .executeTakeFirstOrThrow();
    const names: [string, string][] = [
      ['Ēmīlija Ōzola', 'LV'],
      ['Олег Петров', 'BY'],
      ['Γιώργος Παπαδόπουλος', 'GR'],
      ['ნინო ბერიძე', 'GE'],
      ['Արամ Սարգսյան', 'AM'],
      ['محمد عبد الله', 'EG'],
      ['مریم رضایی', 'IR'],
      ['דוד כהן', 'IL'],
      ['अनीता शर्मा', 'IN'],
      ['রহিম উদ্দিন', 'BD'],
      ['สมชาย ใจดี', 'TH'],
      ['សុខ ចាន់', 'KH'],
      ['王小明', 'CN'],
      ['山田 太郎', 'JP'],
      ['김 민준', 'KR'],
    ];
    const now = Date.now();
    for (const [i, [name, country]] of names.entries()) {
      const c = buildSignCommand(id, { status: 'confirmed', now: now + i });
      await services.writer.record({ ...c, input: { ...c.input, name, country, union: null } });
    }
    const page = await demo.browser().newPage({ viewport: desktop });
    await page.goto(`${demo.server().url}/en/campaigns/${belarus}/petition/print`);
    const headings = await page.locator('.print-country h2').allTextContents();
    expect(headings).toContain('Belarus (2)');
    expect(headings).toContain('Thailand (1)');
    const text = (await page.locator('body').textContent()) ?? '';
    for (const shown of [
      'Ēmīlija Ō.',
      'Олег П.',
      'محمد ا.',
      'דוד כ.',
      'अनीता श.',
      'สมชาย ใ.',
      '王小明',
      '김 민.',
    ]) {
      expect(text).toContain(shown);
    }
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'petition-print-en');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    mkdirSync(shots, { recursive: true });
    writeFileSync(`${shots}/petition.pdf`, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    // Chromium embeds a subset of each font it used (its descriptor names it): one per family of scripts.
    const fonts = new Set([...raw.matchAll(/\/FontName\s*\/[A-Z]{6}\+([A-Za-z0-9-]+)/g)].map((m) => m[1]));
    for (const family of [
      'NotoSans-',
      'NotoSansArabic',
      'NotoSansHebrew',
      'NotoSansDevanagari',
      'NotoSansThai',
      'NotoSansCJK',
    ]) {
      expect(
        [...fonts].some((f) => f!.startsWith(family)),
        `${family} in ${[...fonts].join(' ')}`,
      ).toBe(true);
    }

    await page.goto(`${demo.server().url}/ar/campaigns/${belarus}/petition/print`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    await shot(page, 'petition-print-ar');
    await page.close();
  });
});
