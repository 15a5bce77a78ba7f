// The set-up nearly every route test shares, written once: a fresh app for each test on a fake clock (the
// seeded demo, or a bare app), the id of the campaign under test, and the app closed after the test; or one
// seeded app that a whole file's tests share.
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import type { Dialect } from '../src/db/dialect.js';
import { campaignIdOf } from './db.js';
import { type Browser, signedIn } from './editor-helpers.js';
import { FakeClock } from './fake-clock.js';
import { erlan } from './sign-helpers.js';
import { createTestApp, type TestApp } from './test-app.js';

export interface AppUnderTest {
  t: TestApp;
  clock: FakeClock;
  /** The id of the campaign under test (`slug`, Erlan Baltabay's by default); 0 on a bare app. */
  campaignId: number;
}

export interface AppOptions {
  /** false: a bare app, without the demo campaigns. */
  seed?: boolean;
  slug?: string;
  /** Where the fake clock starts (FakeClock's default otherwise). */
  at?: number;
  env?: Record<string, string>;
}

type Use<A> = (app: A) => unknown;

/**
 * Registers, in the enclosing `describe`, a new app before each test and its close after it. `use` gets the
 * app before the test runs and may set up more (sign someone in, add a campaign); after-hooks a file
 * registers later run before the app closes.
 */
export function appPerTest(dialect: Dialect, use: Use<AppUnderTest>): void;
export function appPerTest(dialect: Dialect, options: AppOptions, use: Use<AppUnderTest>): void;
export function appPerTest(
  dialect: Dialect,
  ...args: [Use<AppUnderTest>] | [AppOptions, Use<AppUnderTest>]
): void {
  const [{ seed = true, slug = erlan, at, env = {} }, use] = args.length === 1 ? [{}, args[0]] : args;
  let t: TestApp | undefined;
  beforeEach(async () => {
    const clock = new FakeClock(at);
    t = await createTestApp(dialect, env, { seed, clock });
    await use({ t, clock, campaignId: seed ? await campaignIdOf(t.db, slug) : 0 });
  });
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });
}

/** appPerTest with an editor signed in (editor@example.org), as most editor route tests begin. */
export function editorPerTest(dialect: Dialect, use: Use<AppUnderTest & { editor: Browser }>): void {
  appPerTest(dialect, async (app) => use({ ...app, editor: await signedIn(app.t, 'editor') }));
}

/**
 * Registers, in the enclosing `describe`, one seeded app (on the real clock) made before its first test and
 * closed after its last, for tests that can share one app; `use` gets it first and may set up more.
 */
export function appPerFile(dialect: Dialect, use: Use<TestApp>): void {
  let t: TestApp | undefined;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await use(t);
  });
  afterAll(async () => t?.close());
}
