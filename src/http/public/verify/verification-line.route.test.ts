// The campaign page publishes the newest signed tree head (decision 0031): nothing before the first head,
// then its count, date and root with links to the heads and to the verification page, on each database;
// the page's cache makes a new page for a new head (after the per-process minute of the head cache).
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { recordSigner } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { appendSignatureLog } from '../../../domain/signature-log/append-signature-log.js';
import { toHex } from '../../../domain/signature-log/merkle.js';
import { logSigningKey } from '../../../security/log-signing-key.js';

describe.each(testDialects)('verification line on the campaign page on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  appPerTest(dialect, (app) => ({ t, clock, campaignId } = app));

  const append = () =>
    appendSignatureLog({
      log: t.services.signatureLog,
      clock,
      signingKey: logSigningKey(t.config),
      salt: () => new Uint8Array(16).fill(3),
    });
  const page = async () => (await t.app.inject({ url: `/en/campaigns/${erlan}` })).body;

  it('shows nothing before the first head, then the newest head with links', async () => {
    expect(await page()).not.toContain('class="verification"');
    for (const name of ['Ana Souza', 'Kim Min-ji', 'Олег Петров'])
      await recordSigner(t, campaignId, name, 'BR', clock.now());
    await append();
    clock.advance(61_000);
    const head = await t.services.signatureLog.latestHead(campaignId);
    expect(head?.size).toBe(3);
    const body = await page();
    expect(body).toContain('the signed log held 3 signatures on');
    expect(body).toContain(`title="${toHex(head!.root)}"`);
    expect(body).toContain(`href="/api/campaigns/${erlan}/signature-log"`);
    expect(body).toContain('href="/en/verify"');

    await recordSigner(t, campaignId, 'Camila Rojas', 'CL', clock.now());
    await append();
    clock.advance(61_000);
    expect(await page()).toContain('the signed log held 4 signatures on');
  });
});
