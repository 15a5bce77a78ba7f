import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../test/app-per-test.js';
import { testDialects } from '../../../../test/db.js';
import { expectPage, expectTexts } from '../../../../test/http-assertions.js';
import type { TestApp } from '../../../../test/test-app.js';

const slug = 'kazakhstan-free-erlan-baltabay';

describe.each(testDialects)('campaign pages on %s', (dialect) => {
  let t: TestApp;
  appPerFile(dialect, (app) => (t = app));

  it('serves the English version with partners, targets and the message', async () => {
    const res = await t.app.inject({ url: `/en/campaigns/${slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html; charset=utf-8/);
    expect(res.body).toMatch(/^<!doctype html><html lang="en" dir="ltr">/);
    expect(res.body).toContain(
      'Kazakhstan: Erlan Baltabay sentenced to 7 years in prison for union activity',
    );
    // One translated sentence; each partner a link, its name isolated so it stays whole in RTL text.
    expect(res.body).toContain(
      'In partnership with <a href="https://www.ituc-csi.org/" rel="noopener noreferrer"><bdi>International Trade Union Confederation</bdi></a>, <a href="https://www.industriall-union.org/" rel="noopener noreferrer"><bdi>IndustriALL</bdi></a>, and <bdi>KNPRK',
    );
    expect(res.body).toContain('Your message will be sent to these addresses:');
    expect(res.body).toContain('akorda.press@example.org');
    // The union copy address is not a target: it is not listed as one.
    expect(res.body).not.toContain('campaign-copies@industriall.example.org');
    expectTexts(res.body, [
      '<strong>We need your support!</strong>',
      '<meta property="og:title" content="Kazakhstan: Erlan Baltabay',
      `hreflang="tl" href="https://outcry.example.org/tl/campaigns/${slug}"`,
    ]);
  });

  it('serves the Tagalog version with the Tagalog interface', async () => {
    const res = await t.app.inject({ url: `/tl/campaigns/${slug}` });
    expectPage(res, 200, [
      '<html lang="tl" dir="ltr">',
      'Erlan Baltabay sinentensiyahan ng 7 taon sa bilangguan',
      'Ipapadala ang mensahe mo sa mga sumusunod na email address:',
      'Sa pakikipagtulungan sa',
    ]);
    expect(res.headers['set-cookie']).toBe('lang=tl; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax');
    // Already chosen: no cookie again. Another language: its own.
    const again = await t.app.inject({ url: `/tl/campaigns/${slug}`, cookies: { lang: 'tl' } });
    expect(again.headers['set-cookie']).toBeUndefined();
    const ar = await t.app.inject({ url: `/ar/campaigns/${slug}`, cookies: { lang: 'tl' } });
    expect(ar.headers['set-cookie']).toBe('lang=ar; Max-Age=31536000; Path=/; HttpOnly; SameSite=Lax');
  });

  it('falls back to the source text in an RTL interface, marked, with content kept LTR', async () => {
    const res = await t.app.inject({ url: `/ar/campaigns/${slug}` });
    expectPage(res, 200, [
      '<html lang="ar" dir="rtl">',
      'هذه الحملة غير متوفرة بعد باللغة',
      '<article class="campaign" lang="en" dir="ltr">',
    ]);
  });

  it('redirects an unprefixed link to the negotiated language and keeps the source tag', async () => {
    const res = await t.app.inject({
      url: `/campaigns/${slug}?src=mailing-tl-1`,
      headers: { 'accept-language': 'tl-PH,tl;q=0.9,en;q=0.5' },
    });
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/tl/campaigns/${slug}?src=mailing-tl-1`);
    const byCookie = await t.app.inject({ url: `/campaigns/${slug}`, cookies: { lang: 'ar' } });
    expect(byCookie.headers.location).toBe(`/ar/campaigns/${slug}`);
  });

  it('shows a closed campaign with its banner and outcome', async () => {
    const res = await t.app.inject({ url: '/tl/campaigns/kazakhstan-freedom-for-zhanaozen-oil-workers' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Sarado na ang kampanyang ito.');
    expect(res.body).toContain('Over 11,400 letters were sent');
  });

  it('lists closed campaigns in the archive with dates, supporters and outcome', async () => {
    const res = await t.app.inject({ url: '/tl/campaigns/archive' });
    expectPage(res, 200, [
      'Arkibo ng mga kampanya',
      'Kazakhstan: Freedom for the imprisoned Zhanaozen oil workers',
      'Over 11,400 letters were sent',
    ]);
    expect(res.body).not.toContain('Erlan Baltabay');
    // Fewer than 10,000 supporters: no record badge.
    expect(res.body).not.toContain('Mahigit 10,000 tagasuporta');
  });

  it('answers unknown campaigns, bad slugs and malformed locales with a translated 404', async () => {
    const unknown = await t.app.inject({ url: '/tl/campaigns/no-such-campaign' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Hindi nahanap ang pahina');
    for (const url of [
      `/en/campaigns/${'x'.repeat(300)}`,
      '/en/campaigns/..%2f..%2fetc',
      `/e!/campaigns/${slug}`,
    ]) {
      const res = await t.app.inject({ url });
      expect([404, 414], url).toContain(res.statusCode);
    }
    const json = await t.app.inject({ url: '/en/campaigns/nope', headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(404);
    expect(json.json()).toMatchObject({ error: 'notFound' });
  });
});
