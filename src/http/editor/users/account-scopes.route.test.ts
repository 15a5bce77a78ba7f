// Account scopes through the real routes on the seeded demo, on each database: an admin attaches a partner
// account to a campaign from the account's page and removes it, chooses a translator's languages with
// checkboxes, sees the partner accounts on the campaign's page; refusals come back translated with what was
// ticked kept; and a partner cannot reach another campaign's figures by any URL or the dashboard's JSON.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { auditActions, campaignIdOf, testDialects } from '../../../../test/db.js';
import {
  type Browser,
  createPerson,
  get,
  type Person,
  post,
  sessionFor,
  signedIn,
} from '../../../../test/editor-helpers.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { erlan } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import type { DashboardFigures } from '../dashboard/home-page.js';

const belarus = 'belarus-trade-unionism-is-not-extremism';

describe.each(testDialects)('account scopes on %s', (dialect) => {
  let t: TestApp;
  let admin: Browser;

  appPerTest(dialect, async (app) => {
    t = app.t;
    admin = await signedIn(t, 'admin', { email: 'admin@example.org' });
  });

  const campaignId = (slug: string) => campaignIdOf(t.db, slug);
  const actions = async () =>
    (await auditActions(t.db, 'user')).filter(
      (a) => a.startsWith('user.campaign') || a === 'user.languages_changed',
    );
  const attach = (who: Person, id: number | string, as = admin) =>
    post(t.app, `/editor/users/${who.id}/campaigns`, as, { campaign: String(id) });

  it('lets an admin attach a partner to a campaign, see it on the campaign page, and remove it', async () => {
    const partner = await createPerson(t, 'partner', { name: 'Maya Partner' });
    const page = `/editor/users/${partner.id}`;
    const before = (await get(t.app, page, admin)).body;
    expect(before).toContain('<h2 id="scope-title">Campaigns this partner can see</h2>');
    expect(before).toContain('This partner is not attached to any campaign yet');
    const erlanId = await campaignId(erlan);
    expect(before).toContain(`<option value="${erlanId}">Kazakhstan: Erlan Baltabay`);
    expect(before).toContain(`action="/editor/users/${partner.id}/campaigns"`);

    const res = await attach(partner, erlanId);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${page}?done=attached#scope`);
    const after = (await get(t.app, `${page}?done=attached`, admin)).body;
    expect(after).toContain('Access given.');
    expect(after).toContain(`<a href="/editor/campaigns/${erlan}" dir="auto">Kazakhstan: Erlan Baltabay`);
    expect(after).toContain(`action="/editor/users/${partner.id}/campaigns/remove"`);
    expect(after).not.toContain(`<option value="${erlanId}">`);
    // Again: nothing changes, no notice, no second audit entry.
    expect((await attach(partner, erlanId)).headers.location).toBe(`${page}#scope`);

    const campaignPage = (await get(t.app, `/editor/campaigns/${erlan}`, admin)).body;
    expect(campaignPage).toContain('<h2 id="partner-access">Partner accounts with access</h2>');
    expect(campaignPage).toContain(
      `<a href="/editor/users/${partner.id}#scope"><strong dir="auto">Maya Partner`,
    );
    const otherPage = (await get(t.app, `/editor/campaigns/${belarus}`, admin)).body;
    expect(otherPage).toContain("No partner account can see this campaign's figures.");
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, `/editor/campaigns/${erlan}`, editor)).body).not.toContain('partner-access');

    const removed = await post(t.app, `${page}/campaigns/remove`, admin, { campaign: String(erlanId) });
    expect(removed.headers.location).toBe(`${page}?done=detached#scope`);
    expect((await get(t.app, `${page}?done=detached`, admin)).body).toContain('Access removed.');
    expect((await get(t.app, `/editor/campaigns/${erlan}`, admin)).body).toContain(
      "No partner account can see this campaign's figures.",
    );
    expect(await actions()).toEqual(['user.campaign_attached', 'user.campaign_detached']);
    const log = (await get(t.app, `/editor/audit?entityType=user&entityId=${partner.id}`, admin)).body;
    expect(log).toContain('Partner given access to a campaign');
    expect(log).toContain("Partner's access to a campaign removed");
  });

  it('refuses unknown campaigns and accounts of another role with a translated reason', async () => {
    const partner = await createPerson(t, 'partner');
    const unknown = await attach(partner, 99_999);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain(
      '<p class="field-error" id="campaign-error">Choose a campaign from the list.</p>',
    );
    expect((await attach(partner, 'nurses')).statusCode).toBe(422);
    const repeated = await post(t.app, `/editor/users/${partner.id}/campaigns`, admin, {
      campaign: ['1', '2'],
    });
    expect(repeated.statusCode).toBe(400);
    expect((await post(t.app, '/editor/users/99999/campaigns', admin, { campaign: '1' })).statusCode).toBe(
      404,
    );

    const editor = await createPerson(t, 'editor');
    const wrong = await attach(editor, await campaignId(erlan));
    expect(wrong.statusCode).toBe(409);
    expect(wrong.body).toContain("This account's role is now editor, so this does not apply to it.");
    expect(wrong.body).not.toContain('scope-title');
    const languages = await post(t.app, `/editor/users/${partner.id}/languages`, admin, { locale: 'ar' });
    expect(languages.statusCode).toBe(409);

    const arabic = await signedIn(t, 'admin', { email: 'ar@example.org', locale: 'ar' });
    const inArabic = await attach(partner, 99_999, arabic);
    expect(inArabic.statusCode).toBe(422);
    expect(inArabic.body).toContain('<html lang="ar" dir="rtl"');
    expect(inArabic.body).toContain('اختر حملة من القائمة.');
    expect(inArabic.body).toContain('الحملات التي يمكن لهذا الشريك رؤيتها');
    expect(await actions()).toEqual([]);
  });

  it("sets a translator's languages with checkboxes and keeps the ticks when one is refused", async () => {
    const translator = await createPerson(t, 'translator');
    const page = `/editor/users/${translator.id}`;
    const form = (await get(t.app, page, admin)).body;
    expect(form).toContain('<h2 id="scope-title">Languages this translator works in</h2>');
    expect(form).toContain('No languages chosen yet: this translator sees no translation status.');
    expect(form).toContain(
      '<input type="checkbox" id="locale-ru" name="locale" value="ru"/><label for="locale-ru">Russian — <span lang="ru" dir="auto">Русский</span>',
    );
    expect(form).not.toContain('checked');

    const saved = await post(t.app, `${page}/languages`, admin, { locale: ['ru', 'ar', 'ru'] });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${page}?done=languages#scope`);
    const after = (await get(t.app, `${page}?done=languages`, admin)).body;
    expectTexts(after, [
      'Languages saved.',
      'Works in: \u2068Arabic\u2069 and \u2068Russian\u2069.',
      'id="locale-ru" name="locale" value="ru" checked/>',
      'id="locale-ar" name="locale" value="ar" checked/>',
    ]);
    expect(after.match(/ checked\/>/g)).toHaveLength(2);

    const refused = await post(t.app, `${page}/languages`, admin, { locale: ['tl', 'xx-YY'] });
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('“xx-YY” is not one of the languages offered. Choose from the list.');
    // What was ticked is kept on the page; what is saved has not changed.
    expect(refused.body).toContain('id="locale-tl" name="locale" value="tl" checked/>');
    expect(refused.body).not.toContain('id="locale-ru" name="locale" value="ru" checked/>');
    expect(refused.body).toContain('Works in: \u2068Arabic\u2069 and \u2068Russian\u2069.');
    // Tags in another spelling are taken in their canonical form.
    expect((await post(t.app, `${page}/languages`, admin, { locale: 'PT-br' })).statusCode).toBe(422);
    expect((await post(t.app, `${page}/languages`, admin, { locale: ['TL'] })).statusCode).toBe(303);
    expect((await get(t.app, page, admin)).body).toContain('Works in: \u2068Filipino\u2069.');

    const none = await post(t.app, `${page}/languages`, admin);
    expect(none.statusCode).toBe(303);
    expect((await get(t.app, page, admin)).body).toContain('No languages chosen yet');
    expect(await actions()).toEqual([
      'user.languages_changed',
      'user.languages_changed',
      'user.languages_changed',
    ]);
  });

  it("never shows a partner another campaign's figures, by page, JSON or URL, and lets it change nothing", async () => {
    const partner = await createPerson(t, 'partner');
    expect((await attach(partner, await campaignId(erlan))).statusCode).toBe(303);
    const browser = await sessionFor(t, partner);

    for (const url of ['/editor', `/editor?campaign=${belarus}`, `/editor?slug=${belarus}`]) {
      const res = await get(t.app, url, browser);
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('Kazakhstan: Erlan Baltabay');
      expect(res.body).not.toContain('Belarus');
      expect(res.body).not.toContain(belarus);
    }
    for (const url of ['/editor/dashboard.json', `/editor/dashboard.json?campaign=${belarus}`]) {
      const res = await get(t.app, url, browser);
      expect(res.statusCode).toBe(200);
      const figures = res.json() as DashboardFigures;
      expect(Object.keys(figures.figures).filter((k) => k.startsWith('c:') && k.endsWith(':total'))).toEqual([
        `c:${erlan}:total`,
      ]);
      expect(res.body).not.toContain(belarus);
    }
    // The editor sees both; the partner's view is not a matter of what exists.
    const editor = await signedIn(t, 'editor');
    expect((await get(t.app, '/editor/dashboard.json', editor)).body).toContain(`c:${belarus}:total`);

    for (const path of ['', '/delivery', '/held', '/targets', '/partners', '/edit', '/preview/en']) {
      for (const slug of [belarus, erlan]) {
        expect((await get(t.app, `/editor/campaigns/${slug}${path}`, browser)).statusCode, path).toBe(403);
      }
    }
    expect((await get(t.app, '/editor/delivery', browser)).statusCode).toBe(403);
    expect((await get(t.app, `/editor/users/${partner.id}`, browser)).statusCode).toBe(403);
    expect((await attach(partner, await campaignId(belarus), browser)).statusCode).toBe(403);
    const translator = await signedIn(t, 'translator');
    expect((await attach(partner, await campaignId(belarus), translator)).statusCode).toBe(403);
    expect((await attach(partner, await campaignId(belarus), editor)).statusCode).toBe(403);
    expect(
      (await post(t.app, `/editor/users/${partner.id}/languages`, editor, { locale: 'ar' })).statusCode,
    ).toBe(403);
    expect(await actions()).toEqual(['user.campaign_attached']);
  });
});
