// The editors' preview of the public page on each database: any language the campaign has, draft
// translations and draft campaigns included, rendered by the public page's view with the "not public"
// banner, noindex and the sign form switched off; never reachable without an editor session.
import { describe, expect, it } from 'vitest';
import { editorPerTest } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { type Browser, get, signedIn } from '../../../../test/editor-helpers.js';
import { buildCampaign } from '../../../../test/factories.js';
import { expectPage, expectTexts } from '../../../../test/http-assertions.js';
import type { TestApp } from '../../../../test/test-app.js';
import { CampaignRepository } from '../../../db/campaign.repository.js';

describe.each(testDialects)('campaign preview on %s', (dialect) => {
  let t: TestApp;
  let editor: Browser;
  const campaign = buildCampaign({ slug: 'korea-nurses-draft', status: 'draft' });
  campaign.translations.push({
    ...campaign.translations[0]!,
    locale: 'ar',
    status: 'draft',
    headline: 'كوريا: أعيدوا الممرضات المفصولات',
    backgroundMd: 'فُصلت الممرضات بسبب **انضمامهن** إلى النقابة.',
  });
  const preview = (locale: string) => `/editor/campaigns/${campaign.slug}/preview/${locale}`;

  editorPerTest(dialect, async (app) => {
    ({ t, editor } = app);
    await new CampaignRepository(t.db).create(campaign, t.services.clock.now());
  });

  it('shows a draft translation of a draft campaign with the public view, bannered, noindex, form off', async () => {
    expect((await t.app.inject({ url: `/ar/campaigns/${campaign.slug}` })).statusCode).toBe(404);
    const res = await get(t.app, preview('ar'), editor);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(res.headers['cache-control']).toBe('no-store');
    const html = res.body;
    // The page in Arabic (interface and content), the banner in the editor's language.
    expectTexts(html, [
      '<html lang="ar" dir="rtl"',
      '<meta name="robots" content="noindex"/>',
      '<span lang="en" dir="ltr"><strong>Preview — not public.</strong>',
      'Arabic version, draft; the form is switched off.',
      '<h1>كوريا: أعيدوا الممرضات المفصولات</h1>',
      '<strong>انضمامهن</strong>',
      '<fieldset class="preview-form" disabled>',
    ]);
    expect(html).not.toContain('/assets/campaign.js');
    expect(html).not.toContain('name="token" value="v1');
    // Language links lead to the other previews, not to the public pages.
    expect(html).toContain(`href="${preview('en')}"`);
    expect(html).toContain(`href="/editor/campaigns/${campaign.slug}/edit"`);
  });

  it('previews a live campaign in its published languages too', async () => {
    const res = await get(t.app, '/editor/campaigns/kazakhstan-free-erlan-baltabay/preview/tl', editor);
    expectPage(res, 200, [
      'Filipino version, published',
      'Erlan Baltabay sinentensiyahan ng 7 taon',
      'Tinanggihan ng panrehiyong hukuman',
    ]);
  });

  it('is not reachable anonymously, nor by partners; translators may look', async () => {
    const anonymous = await t.app.inject({ url: preview('ar') });
    expect(anonymous.statusCode).toBe(302);
    expect(anonymous.headers.location).toBe(`/editor/login?next=${encodeURIComponent(preview('ar'))}`);
    expect(anonymous.body).not.toContain('كوريا');
    const partner = await signedIn(t, 'partner');
    expect((await get(t.app, preview('ar'), partner)).statusCode).toBe(403);
    const translator = await signedIn(t, 'translator');
    expect((await get(t.app, preview('ar'), translator)).statusCode).toBe(200);
  });

  it('answers languages the campaign lacks and malformed addresses with 404', async () => {
    expect((await get(t.app, preview('fr'), editor)).statusCode).toBe(404);
    expect((await get(t.app, preview('AR'), editor)).statusCode).toBe(404);
    expect((await get(t.app, preview('x%3Cscript%3E'), editor)).statusCode).toBe(404);
    expect((await get(t.app, '/editor/campaigns/no-such-campaign/preview/en', editor)).statusCode).toBe(404);
  });
});
