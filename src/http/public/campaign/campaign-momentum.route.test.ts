// The campaign page's momentum and first paint (decision 0024): the countries support comes from and the
// latest of them (never a name), the end date in the page language, and the first screen's rules inlined
// under a CSP hash with the stylesheet moved to the end of the body.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../../../../test/db.js';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { seedDemoHistory } from '../../../cli/demo/history.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const seededAt = Date.UTC(2026, 10, 20);

describe.each(testDialects)('campaign page momentum (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    await seedDemoHistory(t.db, seededAt);
  });
  afterAll(async () => t.close());

  it('says how many countries signed and the latest of them, in the page language, never who', async () => {
    const en = (await t.app.inject({ url: `/en/campaigns/${slug}` })).body;
    const countries = /<p class="counter__countries">([^<]*)<\/p>/.exec(en)?.[1] ?? '';
    expect(countries).toMatch(/^Signatures from 45 countries\. Latest from .+\.$/);
    // The latest come from the newest signatures, newest first: the history's last one was signed in…
    const newest = await t.db.kysely
      .selectFrom('signatures')
      .select(['country', 'name'])
      .orderBy('confirmed_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    const name = new Intl.DisplayNames(['en'], { type: 'region' }).of(newest.country!)!;
    expect(countries).toContain(`Latest from \u2068${name}\u2069`);
    expect(en).not.toContain(newest.name);
    const ar = (await t.app.inject({ url: `/ar/campaigns/${slug}` })).body;
    expect(ar).toMatch(/<p class="counter__countries">توقيعات من 45 بلدًا\. أحدثها من [^<]+\.<\/p>/);
  });

  it('shows the end date, localised', async () => {
    const en = (await t.app.inject({ url: `/en/campaigns/${slug}` })).body;
    expect(en).toContain('<p class="counter__deadline">Open for signatures until January 27, 2027.</p>');
    const tl = (await t.app.inject({ url: `/tl/campaigns/${slug}` })).body;
    expect(tl).toMatch(/<p class="counter__deadline">Bukas sa paglagda hanggang [^<]*2027\.<\/p>/);
  });

  it('inlines the first screen rules under their CSP hash and loads the stylesheet after the page', async () => {
    const page = await t.app.inject({ url: `/en/campaigns/${slug}` });
    const css = /<head>.*<style>([^<]+)<\/style>/s.exec(page.body)?.[1];
    expect(css).toContain('.counter__bar{');
    const hash = createHash('sha256').update(css!).digest('base64');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(page.body).toMatch(
      /<\/footer><link rel="stylesheet" href="\/assets\/site\.css\?v=[\w-]+"\/><\/body>/,
    );
    // Other pages keep the stylesheet in the head.
    const home = (await t.app.inject({ url: '/en/' })).body;
    expect(home).toMatch(/<head>.*<link rel="stylesheet" href="\/assets\/site\.css\?v=[\w-]+"\/>.*<\/head>/s);
    expect(home).not.toContain('<style>');
  });
});
