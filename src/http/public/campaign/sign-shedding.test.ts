// Load shedding on the sign POST: beyond the in-flight bound the excess is answered 503 with Retry-After,
// in the page's language, nothing of it is stored, and capacity comes back once the accepted ones are done.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { formToken, signAtOnce } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { maxSigningInFlight } from './campaign.route.js';

/** One address in a /24 of its own: each network may hold only a few requests at once. */
const networkOf = (i: number) => `198.${18 + (i >> 8)}.${i & 255}.1`;

describe.each(testDialects)('sign load shedding on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('answers the excess 503 with Retry-After at once and stores exactly the accepted ones', async () => {
    const token = await formToken(t.app, 'tl');
    clock.advance(20_000);
    const extra = 40;
    const answers = await signAtOnce(t.app, 'tl', token, maxSigningInFlight + extra, 'person-', networkOf);
    const shed = answers.filter((a) => a.statusCode === 503);
    expect(shed).toHaveLength(extra);
    expect(answers.filter((a) => a.statusCode === 303)).toHaveLength(maxSigningInFlight);
    expect(shed.every((a) => a.headers['retry-after'] === '5')).toBe(true);
    expect(shed[0]!.body).toContain('lang="tl"');
    const stored = await t.db.kysely.selectFrom('signatures').select('id').execute();
    expect(stored).toHaveLength(maxSigningInFlight);
    // Every accepted request has finished: the whole bound is free again.
    const again = await signAtOnce(t.app, 'tl', token, maxSigningInFlight, 'later-', networkOf);
    expect(again.every((a) => a.statusCode === 303)).toBe(true);
  });
});
