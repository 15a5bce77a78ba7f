// Partner reports through HTTP on both databases: an editor makes a link (shown once, only its hash
// stored), the partner opens the report and the CSV without an account (counts per country and language,
// the petition's names, never an address; every use counted and audited without naming the visitor), a
// revoked or expired link opens nothing, only editors manage links, a partner account attached to the
// campaign sees the same report in the editor area, and the token never reaches the log.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { get, partnerToAttach, post, signedIn } from '../../../../test/editor-helpers.js';
import { recordSigner } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import { firstPartnerId, makeReportLink } from '../../../../test/partner-report-helpers.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import { maskUrl } from '../../security/log-privacy.js';

const page = `/editor/campaigns/${erlan}/report-links`;
const dayMs = 86_400_000;

describe.each(testDialects)('partner report links on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let campaignId: number;
  appPerTest(dialect, (app) => ({ t, clock, campaignId } = app));

  /** Makes a link for the first partner as a new editor and returns its path. */
  async function makeLink(days = '30'): Promise<string> {
    const editor = await signedIn(t, 'editor', { email: `editor${Math.random()}@example.org` });
    return makeReportLink(t, editor, await firstPartnerId(t, campaignId), { days });
  }

  const audits = (action: string) => auditEntries(t.db, { action });

  it('makes a link shown once, stores only its hash, and opens the live report without an account', async () => {
    await recordSigner(t, campaignId, 'Ana María Souza', 'BR', clock.now(), { locale: 'en' });
    await recordSigner(t, campaignId, 'Олег Петров', 'BY', clock.now(), { locale: 'tl' });
    await recordSigner(t, campaignId, 'Jonas Weber', 'DE', clock.now(), { locale: 'en', anonymous: true });
    const path = await makeLink();
    const token = path.split('/').pop()!;
    const [row] = await t.db.kysely.selectFrom('partner_report_links').selectAll().execute();
    expect(row!.token_hash).toHaveLength(64);
    expect(JSON.stringify(row)).not.toContain(token);
    expect((await audits('partner-report.link-created')).length).toBe(1);

    const report = await t.app.inject({ url: path });
    expect(report.statusCode).toBe(200);
    expect(report.headers['cache-control']).toBe('no-store');
    expect(report.headers['referrer-policy']).toBe('no-referrer');
    expectTexts(report.body, [
      '<meta name="robots" content="noindex"',
      '3 supporters so far',
      'Brazil',
      'Belarus',
      'Germany',
      'English',
      'Filipino',
      'A supporter from Germany',
    ]);
    expect(report.body).not.toContain('Jonas');
    expect(report.body).not.toContain('@example.org');

    const csv = await t.app.inject({ url: `${path}/signers.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('Олег');
    expect(csv.body).not.toContain('Jonas');

    const [used] = await t.db.kysely.selectFrom('partner_report_links').selectAll().execute();
    expect(Number(used!.uses)).toBe(2);
    const viewed = await audits('partner-report.viewed');
    expect(viewed.length).toBe(1);
    expect(viewed[0]!.actor_id).toBeNull();
    expect((await audits('partner-report.downloaded')).length).toBe(1);
    expect(maskUrl(path)).toBe('/en/partner-report/***');
    expect(maskUrl(`${path}/signers.csv`)).toBe('/en/partner-report/***/signers.csv');
  });

  it('a revoked, expired or made-up link opens nothing', async () => {
    const revoked = await makeLink();
    const editor = await signedIn(t, 'editor', { email: 'revoker@example.org' });
    const [link] = await t.db.kysely.selectFrom('partner_report_links').select('id').execute();
    const res = await post(t.app, `${page}/${link!.id}/revoke`, editor, {});
    expect(res.statusCode).toBe(303);
    expect((await get(t.app, `${page}?done=revoked`, editor)).body).toContain('it opens nothing any more');
    const gone = await t.app.inject({ url: revoked });
    expect(gone.statusCode).toBe(404);
    expect(gone.body).toContain('This report link does not work');
    expect((await t.app.inject({ url: `${revoked}/signers.csv` })).statusCode).toBe(404);

    const week = await makeLink('7');
    expect((await t.app.inject({ url: week })).statusCode).toBe(200);
    clock.advance(7 * dayMs + 1);
    expect((await t.app.inject({ url: week })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/en/partner-report/not-a-real-token-at-all-0000' })).statusCode).toBe(
      404,
    );
    expect((await t.app.inject({ url: '/ar/partner-report/x' })).body).toContain('dir="rtl"');
  });

  it('only editors manage links; a partner of another campaign is refused; attached partners see the report', async () => {
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, page, translator)).statusCode).toBe(403);
    const editor = await signedIn(t, 'editor');
    const other = await t.db.kysely
      .selectFrom('partners')
      .select('id')
      .where('campaign_id', '!=', campaignId)
      .executeTakeFirstOrThrow();
    const wrong = await post(t.app, page, editor, { partnerId: String(other.id) });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('Choose one of this campaign');
    expect(await t.db.kysely.selectFrom('partner_report_links').selectAll().execute()).toEqual([]);

    await recordSigner(t, campaignId, 'Ana María Souza', 'BR', clock.now());
    const { browser, attach } = await partnerToAttach(t, campaignId, clock.now());
    const report = `/editor/campaigns/${erlan}/report`;
    expect((await get(t.app, report, browser)).statusCode).toBe(403);
    await attach();
    const seen = await get(t.app, report, browser);
    expect(seen.statusCode).toBe(200);
    expect(seen.body).toContain('1 supporter so far');
    expect(seen.body).toContain('Ana S.');
  });
});
