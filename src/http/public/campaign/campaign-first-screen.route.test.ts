// The campaign page's first screen (decision 0024): the countries support comes from and the latest of them
// (never a name), the end date in the page language, the photo sized for the screen, and the first screen's
// rules inlined under a CSP hash with the stylesheet moved to the end of the body.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import type { TestApp } from '../../../../test/test-app.js';
import { seedDemoHistory } from '../../../cli/demo/history.js';
import { seedDemoPhoto } from '../../../cli/demo/photo.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const seededAt = Date.UTC(2026, 10, 20);

describe.each(testDialects)('campaign page first screen (%s)', (dialect) => {
  let t: TestApp;
  appPerFile(dialect, async (app) => {
    t = app;
    await seedDemoHistory(t.db, seededAt);
  });

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
    expect(en).toContain('<p class="counter__deadline">Open for signatures until February 15, 2027.</p>');
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
    // The stylesheet's answer says the browser has it; with that cookie the page links it in the head.
    const href = /<link rel="stylesheet" href="([^"]+)"/.exec(page.body)![1]!;
    const sheet = await t.app.inject({ url: href });
    const cookie = String(sheet.headers['set-cookie']);
    expect(cookie).toMatch(/^css=[\w-]+; Max-Age=604800; Path=\/; SameSite=Lax$/);
    expect(String((await t.app.inject({ url: '/assets/site.css' })).headers['set-cookie'])).not.toMatch(
      /css=/,
    );
    const again = await t.app.inject({
      url: `/en/campaigns/${slug}`,
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(again.headers.vary).toBe('Accept-Encoding, Cookie');
    expect(again.body).not.toContain('<style>');
    expect(again.body).toMatch(
      /<head>.*<link rel="stylesheet" href="\/assets\/site\.css\?v=[\w-]+"\/>.*<\/head>/s,
    );
    // An older version's cookie is no proof: inlined again.
    const stale = await t.app.inject({ url: `/en/campaigns/${slug}`, headers: { cookie: 'css=0123456789' } });
    expect(stale.body).toContain('<style>');
    // Other pages keep the stylesheet in the head.
    const home = (await t.app.inject({ url: '/en/' })).body;
    expect(home).toMatch(/<head>.*<link rel="stylesheet" href="\/assets\/site\.css\?v=[\w-]+"\/>.*<\/head>/s);
    expect(home).not.toContain('<style>');
  });

  it('sizes the photo for the screen: its width and height, narrower copies in srcset, each served', async () => {
    await seedDemoPhoto(t.db, t.services.images);
    // The campaign reader keeps a campaign for two seconds: ask past that.
    let html = '';
    await expect
      .poll(
        async () => {
          html = (await t.app.inject({ url: `/en/campaigns/${slug}` })).body;
          return html.includes('<img class="campaign-photo"');
        },
        { timeout: 5_000, interval: 250 },
      )
      .toBe(true);
    const img = /<img class="campaign-photo"[^>]*>/.exec(html)![0];
    expect(img).toMatch(/ alt="Campaign poster: [^"]+"/);
    expect(img).toContain(' width="1600" height="900"');
    expect(img).toContain(' sizes="(min-width: 64rem) 46rem, calc(100vw - 2rem)"');
    const srcset = / srcset="([^"]+)"/.exec(img)![1]!.split(', ');
    expect(srcset.map((s) => s.split(' ')[1])).toEqual(['480w', '800w', '1200w', '1600w']);
    for (const candidate of srcset) {
      const media = await t.app.inject({ url: candidate.split(' ')[0]! });
      expect([media.statusCode, media.headers['content-type']]).toEqual([200, 'image/jpeg']);
      expect(media.headers['cache-control']).toMatch(/immutable/);
    }
  });
});
