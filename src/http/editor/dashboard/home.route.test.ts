// The dashboard through HTTP on the seeded demo: what each role sees (partners and translators within the
// scope an admin gives them), the chart and its text alternative, right-to-left, and the JSON the page
// refreshes from changing after a signature is made and confirmed in other requests.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../../../test/app-per-test.js';
import { campaignIdOf, testDialects } from '../../../../test/db.js';
import { get, personSignedIn, post, signedIn } from '../../../../test/editor-helpers.js';
import type { FakeClock } from '../../../../test/fake-clock.js';
import { expectTexts } from '../../../../test/http-assertions.js';
import { ana, erlan, formToken, postSign } from '../../../../test/sign-helpers.js';
import type { TestApp } from '../../../../test/test-app.js';
import type { DashboardFigures } from './home-page.js';

describe.each(testDialects)('editor dashboard on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;

  appPerTest(dialect, (app) => ({ t, clock } = app));

  const as = (role: 'admin' | 'editor' | 'translator' | 'partner', locale = 'en') =>
    signedIn(t, role, { email: `${role}-${locale}@example.org`, locale });

  async function json(browser: Awaited<ReturnType<typeof as>>): Promise<DashboardFigures> {
    const res = await get(t.app, '/editor/dashboard.json', browser);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['cache-control']).toBe('no-store');
    return res.json() as DashboardFigures;
  }

  it('shows an editor every part: needs, live campaigns with a chart, delivery and translations', async () => {
    const res = await get(t.app, '/editor', await as('editor'));
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<h2 id="dash-needs">Needs a human</h2>');
    // The demo seeds one union's request waiting for review; nothing else needs anyone.
    expect(body).toContain('1 campaign request waiting');
    expect(body).not.toContain('Nothing needs you right now.');
    expectTexts(body, [
      '<h2 id="dash-live">Live campaigns</h2>',
      'Counted signatures are confirmed ones',
      `<a href="/editor/campaigns/${erlan}">Kazakhstan: Erlan Baltabay`,
      '<h2 id="dash-delivery">Delivery to targets</h2>',
      '<h2 id="dash-translations">Translations</h2>',
    ]);
    // The chart: an image with a sentence for a name, and a table with every day.
    expectTexts(body, [
      'role="img"',
      '0 counted signatures in the 14 days from Nov 10, 2026 to Nov 23, 2026',
      '<th scope="row">Nov 23 (today)</th>',
    ]);
    expect(body.match(/class="day-chart__bar/g)?.length).toBe(14 * 2);
    // The refresh script is optional and external; the page names what it polls.
    expect(body).toContain('data-dashboard="/editor/dashboard.json"');
    expect(body).toContain('<script src="/assets/dashboard.js" defer></script>');
    expect(body).not.toMatch(/<script>|style="/);
  });

  it('shows a partner only the figures of its campaigns, and a translator only its languages', async () => {
    const { person: partnerPerson, browser: partnerBrowser } = await personSignedIn(t, 'partner');
    // Attached to nothing yet: a sentence saying so, no campaign.
    const alone = (await get(t.app, '/editor', partnerBrowser)).body;
    expect(alone).toContain('Live campaigns');
    expect(alone).toContain('Your account is not attached to any campaign yet');
    expect(alone).not.toContain('Kazakhstan: Erlan Baltabay');
    expect(alone).not.toContain('No campaign is live.');
    expect(Object.keys((await json(partnerBrowser)).figures)).toEqual(['updated']);

    const erlanId = await campaignIdOf(t.db, erlan);
    const admin = await as('admin');
    const attach = await post(t.app, `/editor/users/${partnerPerson.id}/campaigns`, admin, {
      campaign: String(erlanId),
    });
    expect(attach.statusCode).toBe(303);
    const partner = (await get(t.app, '/editor', partnerBrowser)).body;
    expect(partner).toContain('Live campaigns');
    expect(partner).toContain(
      'Your account is attached to 1 campaign. Figures are shown while a campaign is live.',
    );
    expect(partner).toContain('Kazakhstan: Erlan Baltabay');
    expect(partner).not.toContain('Belarus');
    expect(partner).not.toContain(`href="/editor/campaigns/${erlan}"`);
    expect(partner).not.toContain('Needs a human');
    expect(partner).not.toContain('Delivery to targets');
    expect(partner).not.toContain('dash-translations');

    const { person: translatorPerson, browser: translatorBrowser } = await personSignedIn(t, 'translator');
    const unassigned = (await get(t.app, '/editor', translatorBrowser)).body;
    expect(unassigned).toContain('<h2 id="dash-translations">Translations</h2>');
    expect(unassigned).toContain('No languages are assigned to you yet');
    expect(unassigned).not.toContain('English (source)');
    const set = await post(t.app, `/editor/users/${translatorPerson.id}/languages`, admin, {
      locale: ['tl'],
    });
    expect(set.statusCode).toBe(303);
    const translator = (await get(t.app, '/editor', translatorBrowser)).body;
    expectTexts(translator, ['Your languages: \u2068Filipino\u2069.', 'English (source)', 'Filipino']);
    // The demo campaign has a Russian translation too: not this translator's language.
    expect(translator).not.toContain('Russian');
    expect(translator).not.toContain('Live campaigns');
    expect(translator).not.toContain('Needs a human');
    expect(translator).not.toContain('Delivery to targets');

    const figures = await json(partnerBrowser);
    expect(Object.keys(figures.figures).some((k) => k.startsWith('d:') || k.startsWith('n:'))).toBe(false);
    expect(Object.keys(figures.figures).filter((k) => k.endsWith(':total'))).toEqual([`c:${erlan}:total`]);
    const forTranslator = await json(translatorBrowser);
    expect(Object.keys(forTranslator.figures)).toEqual(['updated']);
  });

  it('changes its numbers after a signature is made and confirmed in other requests', async () => {
    const editor = await as('editor');
    const before = await json(editor);
    expect(before.figures[`c:${erlan}:today`]).toBe('0');
    expect(before.figures[`c:${erlan}:notCounted`]).toBe(
      'Not counted: 0 waiting for email confirmation, 0 held for review',
    );

    const token = await formToken(t.app, 'en');
    clock.advance(20_000);
    expect((await postSign(t.app, 'en', { token, ...ana })).statusCode).toBe(303);
    const pending = await json(editor);
    expect(pending.figures[`c:${erlan}:today`]).toBe('0');
    expect(pending.figures[`c:${erlan}:notCounted`]).toBe(
      'Not counted: 1 waiting for email confirmation, 0 held for review',
    );

    const job = await t.db.kysely.selectFrom('jobs').select('payload').executeTakeFirstOrThrow();
    const link = (JSON.parse(job.payload) as { token: string }).token;
    const confirmed = await t.app.inject({ method: 'POST', url: `/en/confirm/${link}` });
    expect(confirmed.statusCode).toBe(200);
    const after = await json(editor);
    expect(after.figures[`c:${erlan}:today`]).toBe('1');
    expect(after.figures[`c:${erlan}:week`]).toBe('1');
    expect(after.figures[`c:${erlan}:total`]).toBe('1');
    expect(after.figures[`c:${erlan}:day:13`]).toBe('1');
    expect(after.figures[`c:${erlan}:lang:en`]).toBe('1');
    expect(after.bars[`c:${erlan}:bar:13`]).toEqual({ y: 3, height: 44 });
    // A language appeared: the page learns it should offer a reload.
    expect(after.shape).not.toBe(before.shape);
    expect(after.figures.updated).toBe('Figures as of 9:00:20 AM UTC.');
  });

  it('lists held signatures under "needs a human", with a link to their review', async () => {
    const token = await formToken(t.app, 'en');
    // Sent at once after the page was served: too fast, so held.
    expect((await postSign(t.app, 'en', { token, ...ana })).statusCode).toBe(303);
    const body = (await get(t.app, '/editor', await as('admin'))).body;
    expect(body).toContain(
      `<a href="/editor/campaigns/${erlan}/held"><span data-figure="n:held:${erlan}">1 held signature to review: \u2068Kazakhstan: Erlan Baltabay`,
    );
  });

  it('mirrors the chart in Arabic: today is the leftmost bar', async () => {
    const body = (await get(t.app, '/editor', await as('editor', 'ar'))).body;
    expect(body).toContain('<html lang="ar" dir="rtl">');
    expect(body).toContain('الحملات الجارية');
    const today = new RegExp(
      `class="day-chart__bar day-chart__bar--today" x="(\\d+)"[^>]*data-bar="c:${erlan}:bar:13"`,
    );
    expect(today.exec(body)?.[1]).toBe('1');
    const ltr = (await get(t.app, '/editor', await as('editor'))).body;
    expect(today.exec(ltr)?.[1]).toBe('131');
  });
});
