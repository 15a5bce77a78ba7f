// The editors' lifecycle pages through the real routes on each database: an editor takes a campaign from
// review to live, extends it, closes it with an outcome and reopens it, and the public page follows at
// once; refusals come back as translated errors (English, Arabic) with the input kept; translators only
// read, partners see nothing, and the gate refuses forms without their CSRF token.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../../test/editor-helpers.js';
import { buildCampaign } from '../../../../test/factories.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectPage, expectTexts } from '../../../../test/http-assertions.js';
import { auditEntries } from '../../../../test/http-audit.js';
import type { TestApp } from '../../../../test/test-app.js';
import { demoCampaignSlug } from '../../../cli/demo/seed.js';
import { CampaignRepository } from '../../../db/campaign.repository.js';

describe.each(testDialects)('campaign lifecycle pages on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let editor: Browser;
  let slug: string;

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    editor = await signedIn(t, 'editor');
    const campaign = buildCampaign({ status: 'in_review' });
    await new CampaignRepository(t.db).create(campaign, clock.now());
    slug = campaign.slug;
  });

  const page = `/editor/campaigns/${'{slug}'}`;
  const url = (path = '') => `${page.replace('{slug}', slug)}${path}`;
  const status = async () => (await new CampaignRepository(t.db).findBySlug(slug))?.status;

  it('lists every campaign by status with dates and supporters', async () => {
    const res = await get(t.app, '/editor/campaigns', editor);
    expectPage(res, 200, [
      'Live (2)',
      'In review (1)',
      'Closed (1)',
      `href="/editor/campaigns/${slug}"`,
      'Korea: Reinstate the dismissed nurses',
    ]);
    expect(res.body).toMatch(/Ends February \d+, 2027/);
    expect(res.body).toContain('0 supporters');
    expect(res.body).toContain('aria-current="page"');
    expect((await get(t.app, '/editor', editor)).body).toContain('href="/editor/campaigns"');
  });

  it('takes a campaign from review to live, extends, closes with an outcome and reopens it', async () => {
    const review = await get(t.app, url(), editor);
    expectTexts(review.body, [
      'In review',
      `action="${url('/launch')}"`,
      `action="${url('/send-back')}"`,
      'Leave it empty to end on February 23, 2027.',
    ]);
    expect(review.body).not.toContain(`action="${url('/close')}"`);
    expect((await t.app.inject({ url: `/en/campaigns/${slug}` })).statusCode).toBe(404);

    const past = await post(t.app, url('/launch'), editor, { endDate: '2026-01-01' });
    expect(past.statusCode).toBe(422);
    expect(past.body).toContain('The end date must be in the future.');
    expect(past.body).toContain('value="2026-01-01"');
    expect(await status()).toBe('in_review');

    const launched = await post(t.app, url('/launch'), editor, { endDate: '' });
    expect(launched.statusCode).toBe(303);
    expect(launched.headers.location).toBe(url('?done=launched'));
    const live = await get(t.app, launched.headers.location as string, editor);
    expectTexts(live.body, [
      'The campaign is live.',
      'February 23, 2027, end of the day (UTC)',
      'Goes out a week before the end date',
      `action="${url('/extend')}"`,
    ]);
    expect((await t.app.inject({ url: `/en/campaigns/${slug}` })).statusCode).toBe(200);

    const earlier = await post(t.app, url('/extend'), editor, { endDate: '2027-02-01' });
    expect(earlier.statusCode).toBe(422);
    expect(earlier.body).toContain('The new end date must be after the current one (February 23, 2027).');
    expect((await post(t.app, url('/extend'), editor, { endDate: '2027-03-31' })).headers.location).toBe(
      url('?done=extended'),
    );

    const closed = await post(t.app, url('/close'), editor, {
      outcome: '**Won:** the nurses are back at work.',
    });
    expect(closed.headers.location).toBe(url('?done=closed'));
    const publicPage = await t.app.inject({ url: `/en/campaigns/${slug}` });
    expect(publicPage.body).toContain('This campaign is closed.');
    expect(publicPage.body).toContain('<strong>Won:</strong> the nurses are back at work.');

    const again = await post(t.app, url('/close'), editor);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('Nothing changed: this campaign is now “Closed”.');
    expect(again.body).toContain('Leave it empty to keep March 31, 2027.');

    expect((await post(t.app, url('/reopen'), editor)).headers.location).toBe(url('?done=reopened'));
    expect(await status()).toBe('live');
    expect((await t.app.inject({ url: `/en/campaigns/${slug}` })).body).not.toContain(
      'This campaign is closed.',
    );

    expect(await auditEntries(t.db, { entityType: 'campaign' })).toMatchObject(
      ['campaign.launched', 'campaign.extended', 'campaign.closed', 'campaign.reopened'].map((action) => ({
        action,
        actor_email: 'editor@example.org',
      })),
    );
  });

  it('sends a campaign back to draft and submits it again', async () => {
    expect((await post(t.app, url('/send-back'), editor)).headers.location).toBe(url('?done=sent-back'));
    const draft = await get(t.app, url('?done=sent-back'), editor);
    expect(draft.body).toContain('Sent back to draft.');
    expect(draft.body).toContain(`action="${url('/submit')}"`);
    expect((await post(t.app, url('/submit'), editor)).headers.location).toBe(url('?done=submitted'));
    expect(await status()).toBe('in_review');
  });

  it('lets a translator read but not act, shows partners nothing, and refuses forms without a CSRF token', async () => {
    const translator = await signedIn(t, 'translator');
    const read = await get(t.app, url(), translator);
    expect(read.statusCode).toBe(200);
    expect(read.body).toContain('Only editors and admins can change a campaign');
    expect(read.body).not.toContain(`action="${url('/launch')}"`);
    expect((await post(t.app, url('/launch'), translator)).statusCode).toBe(403);

    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, '/editor/campaigns', partner)).statusCode).toBe(403);
    expect((await get(t.app, url(), partner)).statusCode).toBe(403);
    expect((await post(t.app, url('/launch'), partner)).statusCode).toBe(403);
    expect((await get(t.app, '/editor', partner)).body).not.toContain('href="/editor/campaigns"');

    const forged = await post(t.app, url('/launch'), { ...editor, csrf: '' });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('This form has expired');
    const crossSite = await post(t.app, url('/launch'), editor, {}, { 'sec-fetch-site': 'cross-site' });
    expect(crossSite.statusCode).toBe(403);
    expect(await status()).toBe('in_review');
  });

  it('answers in Arabic, right to left, and reads dates typed with Arabic digits', async () => {
    const arabic = await signedIn(t, 'editor', { email: 'nadia@example.org', locale: 'ar' });
    const res = await get(t.app, `/editor/campaigns/${demoCampaignSlug}`, arabic);
    expect(res.body).toContain('<html lang="ar" dir="rtl"');
    expect(res.body).toContain('جارية');
    const bad = await post(t.app, `/editor/campaigns/${demoCampaignSlug}/extend`, arabic, {
      endDate: '31/03/2027',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.body).toContain('أدخل تاريخًا مثل 2027-03-31.');
    const ok = await post(t.app, `/editor/campaigns/${demoCampaignSlug}/extend`, arabic, {
      endDate: '٢٠٢٧-٠٣-٣١',
    });
    expect(ok.statusCode).toBe(303);
    expect((await get(t.app, ok.headers.location as string, arabic)).body).toContain(
      'تم تغيير تاريخ الانتهاء.',
    );
  });

  it('answers odd requests with 4xx pages, never a 500', async () => {
    expect((await get(t.app, '/editor/campaigns/no-such-campaign', editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/campaigns/Bad%20Slug', editor)).statusCode).toBe(404);
    expect((await post(t.app, '/editor/campaigns/no-such-campaign/launch', editor)).statusCode).toBe(404);
    expect(
      (await post(t.app, url('/launch'), editor, { endDate: ['2027-01-01', '2027-02-01'] })).statusCode,
    ).toBe(400);
    const long = await post(t.app, `/editor/campaigns/${demoCampaignSlug}/close`, editor, {
      outcome: 'x'.repeat(20_001),
    });
    expect(long.statusCode).toBe(422);
    expect(long.body).toContain('The outcome is too long: at most 20,000 characters.');
    const hostile = await post(t.app, url('/launch'), editor, { endDate: '<script>alert(1)</script>' });
    expect(hostile.statusCode).toBe(422);
    expect(hostile.body).not.toContain('<script>alert(1)');
    expect(hostile.body).toContain('Enter a date such as 2027-03-31.');
  });
});
