// `npx tsx bench/page-layout.ts [shots-dir]`: the campaign page as a supporter meets it, in Chromium on the
// seeded demo (with its history and poster). Prints how far down the sign form and its Send button start at
// 390 and 1280 px (en, ar), and the bytes on the wire of the English page on a first and a second visit;
// saves screenshots when given a folder. Figures for decisions 0018 and 0024, issue 15.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { desktop, launchBrowser, phone, startDemoServer } from '../e2e/browser.js';
import { seedDemoHistory } from '../src/cli/demo/history.js';
import { seedDemoPhoto } from '../src/cli/demo/photo.js';

const live = 'kazakhstan-free-erlan-baltabay';
const closed = 'kazakhstan-freedom-for-zhanaozen-oil-workers';
const shots = process.argv[2];

async function layout(browser: Browser, base: string, locale: string, viewport: typeof phone) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/${locale}/campaigns/${live}`);
  // No named functions inside evaluate(): tsx would wrap them in a helper the page does not have.
  const [form, send, signLink, counter] = await page.evaluate(
    (selectors) =>
      selectors.map((selector) => {
        const el = document.querySelector(selector);
        return el ? Math.round(el.getBoundingClientRect().top + window.scrollY) : -1;
      }),
    ['.sign-form', '.sign-form button[type=submit]', '.counter__sign', '.counter'],
  );
  const figures = { form: form!, send: send!, signLink: signLink!, counter: counter! };
  const linkVisible = await page.locator('.counter__sign').isVisible();
  if (shots) {
    await page.screenshot({ path: join(shots, `campaign-${locale}-${viewport.width}.png`), fullPage: true });
  }
  await page.close();
  return { ...figures, linkVisible };
}

/** Bytes Chromium received (headers and bodies as sent) for one navigation, and the requests it made. */
async function wire(browser: Browser, base: string) {
  const context = await browser.newContext({ viewport: phone });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  let bytes = 0;
  let requests = 0;
  cdp.on('Network.loadingFinished', (e) => {
    bytes += e.encodedDataLength;
    requests++;
  });
  const visit = async () => {
    bytes = 0;
    requests = 0;
    await page.goto(`${base}/en/campaigns/${live}`, { waitUntil: 'load' });
    // The live counter's stream stays open and is not part of the page's weight.
    await page.waitForTimeout(300);
    return { bytes, requests };
  };
  const first = await visit();
  // A link followed again, as a supporter comes back from the mail: not a reload (which revalidates all).
  await page.goto('about:blank');
  const second = await visit();
  await context.close();
  return { first, second };
}

const server = await startDemoServer();
// The demo as `npm run demo` shows it: its history (the counter's countries line) and its poster.
await seedDemoHistory(server.running.db, Date.now());
await seedDemoPhoto(server.running.db, server.running.services.images);
const browser = await launchBrowser();
try {
  if (shots) mkdirSync(shots, { recursive: true });
  console.log('form distance from the top of the page (px)');
  for (const locale of ['en', 'ar']) {
    for (const viewport of [phone, desktop]) {
      const f = await layout(browser, server.url, locale, viewport);
      console.log(
        `  ${locale} ${viewport.width}×${viewport.height}: form ${f.form}, Send ${f.send}, counter ${f.counter}, ` +
          `sign link ${f.linkVisible ? f.signLink : 'hidden'}; form in view on arrival: ${f.form < viewport.height ? 'yes' : 'no'}`,
      );
    }
  }
  const w = await wire(browser, server.url);
  console.log('English page on the wire (bytes received, headers included)');
  console.log(`  first visit:  ${w.first.bytes} B in ${w.first.requests} responses`);
  console.log(`  second visit: ${w.second.bytes} B in ${w.second.requests} responses`);
  if (shots) {
    for (const viewport of [phone, desktop]) {
      const page = await browser.newPage({ viewport });
      await page.goto(`${server.url}/en/campaigns/${closed}`);
      await page.screenshot({ path: join(shots, `closed-en-${viewport.width}.png`), fullPage: true });
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(0);
