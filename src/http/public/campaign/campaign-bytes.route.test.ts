// The campaign page's bytes (decision 0018): gzip or Brotli as the browser accepts, compressed once per
// cached page rather than per request, and a phone's way to the form under the headline.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { appPerFile } from '../../../../test/app-per-test.js';
import type { TestApp } from '../../../../test/test-app.js';
import { CampaignPageCache, compressionsPerSecond } from './campaign-page.cache.js';

const slug = 'kazakhstan-free-erlan-baltabay';
const closed = 'kazakhstan-freedom-for-zhanaozen-oil-workers';

describe('campaign page bytes', () => {
  let t: TestApp;
  appPerFile('sqlite', (app) => (t = app));

  it('answers in Brotli, gzip or plain as asked, the same page in each, varying on Accept-Encoding', async () => {
    const url = `/en/campaigns/${slug}`;
    const plain = await t.app.inject({ url });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/Accept-Encoding/);
    const br = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/);
    const gz = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, br;q=0' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const none = await t.app.inject({ url, headers: { 'accept-encoding': 'identity, *;q=0' } });
    expect(none.headers['content-encoding']).toBeUndefined();
    // Within one second (one form token) the pages are the same bytes.
    const fromBr = brotliDecompressSync(br.rawPayload).toString();
    expect(fromBr).toContain('<h2 id="sign">');
    expect(fromBr.length).toBeGreaterThan(3 * br.rawPayload.length);
    expect(gunzipSync(gz.rawPayload).toString()).toContain('<h2 id="sign">');
  });

  it('compresses a page once for all the views that get it, and stops compressing past its budget', async () => {
    // One second on the budget's clock, however long 50 compressions take on a loaded machine.
    const cache = new CampaignPageCache(
      { name: 'Outcry', baseUrl: 'https://outcry.example.org' },
      { now: () => Date.UTC(2026, 10, 23, 12) },
    );
    const result = await import('../../../domain/campaign/view-campaign.js').then((m) =>
      m.viewCampaign(t.services, { slug, locale: 'en' }),
    );
    if (result.status !== 'found') throw new Error('no demo campaign');
    const { translatorFor } = await import('../../../i18n/translator.js');
    const input = {
      tr: translatorFor('en'),
      view: result.view,
      requestedLocale: 'en',
      action: `/en/campaigns/${slug}/sign`,
      country: '',
      token: 'v1.1.a.b.c',
      source: '',
    };
    const first = cache.answer(input, 'br');
    for (let i = 0; i < 50; i++) expect(cache.answer(input, 'br').body).toBe(first.body);
    expect(cache.stats.compressed).toBe(1);
    // A new ?src= on every request: each a new page, compressed only within the budget.
    const answers = Array.from({ length: compressionsPerSecond + 20 }, (_, i) =>
      cache.answer({ ...input, source: `s${i}` }, 'gzip'),
    );
    expect(cache.stats.compressed).toBeLessThanOrEqual(1 + compressionsPerSecond);
    expect(answers.at(-1)!.encoding).toBeNull();
    expect(answers.at(-1)!.body.toString()).toContain('value="s51"');
  });

  it('puts the count, the goal in words, a named bar and a link to the form under the headline', async () => {
    const html = (await t.app.inject({ url: `/en/campaigns/${slug}` })).body;
    const head = html.slice(html.indexOf('<h1>'), html.indexOf('class="campaign__text"'));
    expect(head).toContain('<p class="counter__goal" id="counter-goal">0 of 10,000 signatures</p>');
    expect(head).toMatch(
      /<progress class="counter__bar" max="10000" value="0" aria-labelledby="counter-goal">/,
    );
    expect(head).toContain('<a class="button counter__sign" href="#sign">Sign now</a>');
    expect(html).toContain('<h2 id="sign">');
  });

  it('shows no "no one signed" on a closed campaign that took no signatures here', async () => {
    const html = (await t.app.inject({ url: `/en/campaigns/${closed}` })).body;
    expect(html).toContain('class="outcome"');
    expect(html).not.toContain('No one signed');
    expect(html).not.toContain('class="counter"');
    expect(html).not.toContain('class="button counter__sign"');
    const archive = (await t.app.inject({ url: '/en/campaigns/archive' })).body;
    expect(archive).not.toContain('No supporters yet');
    expect(archive).not.toContain('No one signed');
  });
});
