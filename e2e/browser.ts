// Shared setup for the Playwright journeys: Debian's /usr/bin/chromium (never a downloaded browser) with
// flags that work as root on a closed network, a demo server on loopback (SQLite, or PostgreSQL in a fresh
// schema of TEST_DATABASE_URL) whose mail lands in a real SMTP sink, and screenshots under e2e/screenshots/
// (gitignored).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { seedDemo } from '../src/cli/demo/seed.js';
import { loadConfig } from '../src/config/config.js';
import { projectRoot } from '../src/config/paths.js';
import { AccountScopeRepository } from '../src/db/account-scope.repository.js';
import type { Db } from '../src/db/database.js';
import type { Dialect } from '../src/db/dialect.js';
import { UserRepository } from '../src/db/user.repository.js';
import type { Clock } from '../src/domain/shared/clock.js';
import { type Running, startOutcry } from '../src/main.js';
import { hashPassword } from '../src/security/password.js';
import { createTestSchema } from '../test/db.js';
import { type SmtpSink, startSmtpSink } from '../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../test/test-app.js';

const executablePath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const phone = { width: 390, height: 844 };
export const desktop = { width: 1280, height: 800 };

export function chromiumPath(): string | undefined {
  return existsSync(executablePath) ? executablePath : undefined;
}

/**
 * launch() rather than launchPersistentContext(): Playwright gives each browser a fresh profile in a
 * temporary user data dir and deletes it on close (it refuses `--user-data-dir` in args), and every
 * newContext() is isolated again (own cookies and storage).
 */
export async function launchBrowser(): Promise<Browser> {
  const path = chromiumPath();
  if (!path) throw new Error(`Chromium not found at ${executablePath} (apt-get install -y chromium)`);
  return chromium.launch({ executablePath: path, args: chromiumArgs });
}

const found = chromiumPath() !== undefined;
if (!found) {
  console.warn(
    `Chromium not found at ${executablePath}: browser journeys SKIPPED (apt-get install -y chromium)`,
  );
}

/** `describe` for browser journeys: skipped, with one warning line, when Chromium is not installed. */
export const describeBrowser = describe.skipIf(!found);

export const screenshotDir = join(projectRoot, 'e2e/screenshots');

/** Saves a PNG as e2e/screenshots/<name>.png (the whole page unless fullPage is false); returns its path. */
export async function saveScreenshot(page: Page, name: string, fullPage = true): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

export interface DemoServer {
  /** http://127.0.0.1:PORT, also the BASE_URL that links in mail point to. */
  url: string;
  /** Every message the worker sends arrives here. */
  sink: SmtpSink;
  running: Running;
  close(): Promise<void>;
}

/**
 * A screenshot's name for a journey that runs on both databases: SQLite keeps the plain name, PostgreSQL's
 * gets `-postgres` appended, so one run keeps both sets side by side.
 */
export function shotName(name: string, dialect: Dialect): string {
  return dialect === 'sqlite' ? name : `${name}-postgres`;
}

/**
 * The real app as `outcry demo` runs it (web and worker in one process, seeded demo campaigns) on a fresh
 * database of `dialect`: a new SQLite file, or a new schema of TEST_DATABASE_URL (dropped on close, or at the
 * end of the run if the test is killed). Mail is sent over SMTP to a loopback sink so a journey can open the
 * link it carries.
 */
export async function startDemoServer(
  env: Record<string, string> = {},
  dialect: Dialect = 'sqlite',
): Promise<DemoServer> {
  const sink = await startSmtpSink();
  const dir = mkdtempSync(join(tmpdir(), 'outcry-e2e-'));
  // BASE_URL must be known before listening (links in mail use it), so pick the free port first.
  const port = await freePort();
  let schema: Awaited<ReturnType<typeof createTestSchema>> | undefined;
  let running: Running | undefined;
  try {
    if (dialect === 'postgres') schema = await createTestSchema();
    const config = loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: schema?.url ?? `sqlite:${join(dir, 'e2e.db')}`,
      UPLOAD_DIR: join(dir, 'uploads'),
      MIGRATE_ON_START: 'true',
      SMTP_URL: sink.url,
      LOG_LEVEL: 'silent',
      WORKER_POLL_MS: '50',
      ...env,
    });
    // The migrations list every schema's tables: on PostgreSQL they run under the test schema lock.
    running = schema
      ? await schema.whileMigrating(() => startOutcry(config, { quiet: true }))
      : await startOutcry(config, { quiet: true });
    await seedDemo(running.services, Date.now());
  } catch (error) {
    await running?.stop();
    await schema?.drop();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const started = running;
  return {
    url: started.config.BASE_URL,
    sink,
    running: started,
    async close() {
      await started.stop();
      await schema?.drop();
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Per-file (or per-`describe`) setup for journeys: one demo server on `dialect` and one browser, closed after
 * the block's tests. A journey on both databases calls it inside `describeBrowser.each(testDialects)`.
 */
export function useDemoBrowser(
  env: Record<string, string> = {},
  dialect: Dialect = 'sqlite',
): {
  server(): DemoServer;
  browser(): Browser;
} {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startDemoServer(env, dialect);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return { server: () => server!, browser: () => browser! };
}

/**
 * The test app (real routes, real database of the given dialect, the clock the test steps) listening on a
 * free loopback port, with Chromium: for journeys that move time, which the demo server cannot.
 */
export function useTestAppBrowser(
  dialect: Dialect,
  clock: Clock,
): { app(): TestApp; base(): string; browser(): Browser } {
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let base = '';
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp(dialect, { BASE_URL: base }, { clock });
    await t.app.listen({ host: '127.0.0.1', port });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });
  return { app: () => t!, base: () => base, browser: () => browser! };
}

/** Logs an editor-area account in through the login form and waits for the start page. */
export async function logInToEditor(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/editor/login`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/editor`);
}

/** A translator working in `languages` and an editor, both logging in with `password`, written directly. */
export async function translatorAndEditor(
  db: Db,
  p: {
    translator: [email: string, name: string];
    editor: [email: string, name: string];
    languages: string[];
  },
  password: string,
): Promise<{ users: UserRepository; translatorId: number; editorId: number }> {
  const users = new UserRepository(db);
  const passwordHash = await hashPassword(password);
  const now = Date.now();
  const account = async ([email, name]: [string, string], role: 'translator' | 'editor') =>
    (await users.upsertWithPassword({ email, name, role, passwordHash }, now)).id;
  const translatorId = await account(p.translator, 'translator');
  const editorId = await account(p.editor, 'editor');
  await new AccountScopeRepository(db).transaction((u) =>
    u.setLanguages(translatorId, p.languages, editorId, now),
  );
  return { users, translatorId, editorId };
}
