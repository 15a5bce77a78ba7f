// Proves the browser setup itself works before any journey relies on it: Debian's Chromium starts under
// our flags, renders right-to-left Arabic and runs a click handler.
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeBrowser, launchBrowser, saveScreenshot } from './browser.js';

const html =
  '<!doctype html><html dir=rtl lang=ar><head><meta charset=utf-8></head>' +
  `<body><h1>حرية</h1><button onclick="this.textContent='ok'">x</button></body></html>`;

describeBrowser('Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('renders Arabic right to left and runs a click handler', async () => {
    const page = await browser.newPage();
    await page.goto(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    await expect(page.locator('h1').textContent()).resolves.toBe('حرية');
    await expect(page.evaluate(() => getComputedStyle(document.body).direction)).resolves.toBe('rtl');
    await page.getByRole('button').click();
    await expect(page.getByRole('button').textContent()).resolves.toBe('ok');
    expect(existsSync(await saveScreenshot(page, 'browser-self-test'))).toBe(true);
    await page.close();
  });
});
