// Issue 17's accessibility check across scripts, kept lean beside the full audit (public-pages-audit.test.ts,
// every page in en, ar, tl at two widths): the four pages a supporter passes through when signing — the
// campaign, the sign form with errors, thanks, confirm — in English, Arabic, Persian, Japanese, Georgian and
// Armenian at phone width, run through axe-core in Chromium. Any violation fails. Screenshots of each.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { erlan, formBody } from '../test/sign-helpers.js';
import { describeBrowser, phone, saveScreenshot, useDemoBrowser } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const locales = ['en', 'ar', 'fa', 'ja', 'ka', 'hy'] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

describeBrowser('the signing pages pass axe-core in six scripts at phone width', () => {
  const demo = useDemoBrowser();

  /** A pending signature's confirm link (one sign-up; the confirm page only shows its button on GET). */
  async function confirmPath(): Promise<string> {
    const { url: base, sink } = demo.server();
    const page = await fetch(`${base}/en/campaigns/${erlan}`).then((r) => r.text());
    const token = /name="token" value="([^"]+)"/.exec(page)![1]!;
    const signed = await fetch(`${base}/en/campaigns/${erlan}/sign`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({
        token,
        src: '',
        website: '',
        name: 'Audit Person',
        email: 'audit.scripts@example.net',
        union: '',
        country: 'GE',
        message: 'Free Erlan Baltabay now.',
      }),
    });
    expect(signed.status).toBe(303);
    const [mail] = await sink.waitFor(1, 15_000);
    return `/confirm/${/\/en\/confirm\/([A-Za-z0-9_-]+)/.exec(mail!.parsed.text ?? '')![1]!}`;
  }

  async function violations(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ content: axeSource });
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run()).violations;
    });
  }

  it('finds no violation on the campaign, the sign form with errors, thanks and confirm', async () => {
    const base = demo.server().url;
    const confirm = await confirmPath();
    const problems: string[] = [];
    for (const locale of locales) {
      // axe is injected as a script, which the pages' CSP (script-src 'self') would rightly refuse.
      const context = await demo.browser().newContext({ viewport: phone, locale, bypassCSP: true });
      const page = await context.newPage();
      const check = async (name: string) => {
        for (const v of await violations(page))
          problems.push(
            `${name} ${locale}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`,
          );
        await saveScreenshot(page, `scripts-audit-${name}-${locale}-phone`);
      };
      const campaign = `${base}/${locale}/campaigns/${erlan}`;
      await page.goto(campaign);
      await check('campaign');
      // The form sent empty, past the browser's own checks: the server's translated errors.
      await page.locator('.sign-form textarea').fill('');
      await page.locator('.sign-form select').selectOption('');
      await Promise.all([
        page.waitForURL(/\/sign$/),
        page.evaluate(() => {
          const form = document.querySelector<HTMLFormElement>('.sign-form')!;
          form.noValidate = true;
          form.submit();
        }),
      ]);
      expect(await page.locator('.field--error').count()).toBeGreaterThan(0);
      await check('sign-errors');
      await page.goto(`${campaign}/thanks?confirm=1`);
      await check('thanks');
      await page.goto(`${base}/${locale}${confirm}`);
      await check('confirm');
      await context.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
