// The outside audit of issue 15, kept as a check: every public page a supporter can reach (the campaign,
// its form with errors, thanks, confirm, status, petition, my-data, privacy, the request form, the list
// sign-up, preferences, unsubscribe, a 404) in English, Arabic and Tagalog, run through axe-core in Chromium
// at phone and desktop width, and its HTML as served through html-validate. Any violation or error fails.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { HtmlValidate } from 'html-validate';
import { expect, it } from 'vitest';
import { seedDemoHistory } from '../src/cli/demo/history.js';
import { seedDemoLists } from '../src/cli/demo/mailing-lists.js';
import { seedDemoPhoto } from '../src/cli/demo/photo.js';
import { listToken } from '../src/security/list-token.js';
import { statusToken } from '../src/security/status-token.js';
import { erlan, formBody } from '../test/sign-helpers.js';
import { describeBrowser, desktop, phone, useDemoBrowser } from './browser.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const locales = ['en', 'ar', 'tl'] as const;

/** A page to check: a GET path (`{l}` is the locale) or the sign form posted empty (the error state). */
type Target = { name: string; path: string; signErrors?: true };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

// html-validate's recommended rules, with three set otherwise, each for a reason:
const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Preact's renderer writes void elements self-closed (`<meta … />`); both forms are valid HTML, and the
    // rule still holds every page to that one form.
    'void-style': ['error', { style: 'selfclose' }],
    // Both cases are valid HTML; every page writes `<!doctype html>`, and the rule still holds them to one.
    'doctype-style': ['error', { style: 'lowercase' }],
    // A campaign page's title is the headline editors and translators wrote (most are over 70 characters);
    // cutting it would hide the cause in tabs, bookmarks and shared links.
    'long-title': 'off',
  },
});

describeBrowser('public pages pass axe-core and html-validate', () => {
  const demo = useDemoBrowser();

  /** One sign-up that leaves a pending confirmation (its mail's link), a status link and a list token. */
  async function targets(): Promise<Target[]> {
    const { url: base, running, sink } = demo.server();
    // The demo as `npm run demo` shows it: lists, three weeks of history (the countries line), the poster.
    await seedDemoLists(running.db, Date.now());
    await seedDemoHistory(running.db, Date.now());
    await seedDemoPhoto(running.db, running.services.images);
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
        email: 'audit.person@example.net',
        union: '',
        country: 'GB',
        message: 'Free Erlan Baltabay now.',
      }),
    });
    expect(signed.status).toBe(303);
    const mail = (await sink.waitFor(1, 15_000)).find((m) =>
      m.envelope.to.includes('audit.person@example.net'),
    );
    const confirm = /\/en\/confirm\/([A-Za-z0-9_-]+)/.exec(mail!.parsed.text ?? '')![1]!;
    const secret = running.config.APP_SECRET;
    const signature = await running.db.kysely
      .selectFrom('signatures')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const member = await running.db.kysely
      .selectFrom('list_members')
      .select('supporter_id')
      .executeTakeFirstOrThrow();
    const list = listToken(Number(member.supporter_id), secret);
    return [
      { name: 'home', path: '/{l}/' },
      { name: 'campaign', path: `/{l}/campaigns/${erlan}` },
      { name: 'sign errors', path: `/{l}/campaigns/${erlan}/sign`, signErrors: true },
      { name: 'thanks', path: `/{l}/campaigns/${erlan}/thanks?confirm=1` },
      { name: 'confirm', path: `/{l}/confirm/${confirm}` },
      { name: 'status', path: `/{l}/status/${statusToken(Number(signature.id), secret)}` },
      { name: 'petition', path: `/{l}/campaigns/${erlan}/petition` },
      { name: 'my-data', path: '/{l}/my-data' },
      { name: 'privacy', path: '/{l}/privacy' },
      { name: 'request', path: '/{l}/request' },
      { name: 'sign-up', path: '/{l}/subscribe' },
      { name: 'preferences', path: `/{l}/preferences/${list}` },
      // No locale in the one-click link: the page follows the browser's language.
      { name: 'unsubscribe', path: `/unsubscribe/${list}` },
      { name: '404', path: '/{l}/no-such-page' },
    ];
  }

  /** The HTML as served (no browser): the page fetched, or the empty form posted to get its errors. */
  async function served(base: string, target: Target, locale: string): Promise<string> {
    const url = `${base}${target.path.replace('{l}', locale)}`;
    const headers = { 'accept-language': locale };
    if (!target.signErrors) return fetch(url, { headers }).then((r) => r.text());
    const form = await fetch(url.replace(/\/sign$/, ''), { headers }).then((r) => r.text());
    const token = /name="token" value="([^"]+)"/.exec(form)![1]!;
    const answer = await fetch(url, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ token, src: '', website: '', name: '', email: 'x@', country: '', message: '' }),
    });
    expect(answer.status).toBe(422);
    return answer.text();
  }

  it('finds no axe violation and no html-validate error on any page, language or width', async () => {
    const base = demo.server().url;
    const pages = await targets();
    const problems: string[] = [];
    for (const locale of locales) {
      for (const target of pages) {
        const html = await served(base, target, locale);
        const report = await validator.validateString(html, `${target.name}.${locale}.html`);
        for (const result of report.results)
          for (const m of result.messages)
            problems.push(`html ${target.name} ${locale}: ${m.ruleId} ${m.message} (line ${m.line})`);
        for (const viewport of [phone, desktop]) {
          // axe is injected as a script, which the pages' CSP (script-src 'self') would rightly refuse.
          const context = await demo.browser().newContext({ viewport, locale, bypassCSP: true });
          const page = await context.newPage();
          const url = `${base}${target.path.replace('{l}', locale)}`;
          if (target.signErrors) {
            await page.goto(url.replace(/\/sign$/, ''));
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
          } else {
            await page.goto(url);
          }
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } })
              .axe;
            return (await axe.run()).violations;
          });
          for (const v of violations)
            problems.push(
              `axe ${target.name} ${locale} ${viewport.width}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
                .map((n) => JSON.stringify(n.target))
                .join(', ')}`,
            );
          await context.close();
        }
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
