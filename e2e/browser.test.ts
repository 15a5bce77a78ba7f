// Proves the browser setup itself works before any journey relies on it: Debian's Chromium starts under
// our flags, renders right-to-left Arabic and runs a click handler; the demo server runs on the database it
// is asked for (on PostgreSQL in a schema of its own, gone after close).
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import pg from 'pg';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgUrl, testDialects } from '../test/db.js';
import { describeBrowser, launchBrowser, saveScreenshot, startDemoServer } from './browser.js';

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

describe.each(testDialects)('the demo server on %s', (dialect) => {
  it('runs on that database, seeded, and on PostgreSQL in its own schema that close drops', async () => {
    const server = await startDemoServer({}, dialect);
    let schema = '';
    try {
      expect(server.running.db.dialect).toBe(dialect);
      const campaigns = await server.running.db.kysely.selectFrom('campaigns').select('slug').execute();
      expect(campaigns.length).toBeGreaterThan(0);
      if (dialect === 'postgres') {
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(
          server.running.db.kysely,
        );
        schema = rows[0]!.schema;
        expect(schema).toMatch(/^t_/);
      }
    } finally {
      await server.close();
    }
    if (dialect === 'postgres') {
      const admin = new pg.Client({ connectionString: pgUrl });
      await admin.connect();
      try {
        const left = await admin.query('select 1 from pg_namespace where nspname = $1', [schema]);
        expect(left.rowCount).toBe(0);
      } finally {
        await admin.end();
      }
    }
  });
});
