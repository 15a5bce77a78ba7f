import { renderToString } from 'preact-render-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/test-app.js';
import { viewCampaign } from '../../../domain/campaign/view-campaign.js';
import { translatorFor } from '../../../i18n/translator.js';
import { type BlankPageInput, blankCampaignPage, CampaignPageCache } from './campaign-page.cache.js';

// The 53 supporter languages: most have no translation of the demo campaign (fallback pages).
const languages =
  'en fr es pt de it nl nb sv da fi et lv lt pl cs sk hu ro bg el sr hr sl ru uk be ka hy az kk tr ar fa ur he hi bn ne si id ms vi th km tl zh-Hans zh-Hant ja ko sw yo eo'.split(
    ' ',
  );

const site = { name: 'Outcry', baseUrl: 'https://outcry.example.org' };
const direct = (input: BlankPageInput) =>
  Buffer.from(`<!doctype html>${renderToString(blankCampaignPage(site, input))}`);

describe('the cached campaign page', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
  });
  afterAll(async () => t.close());

  async function inputFor(slug: string, locale: string, over: Partial<BlankPageInput> = {}) {
    const result = await viewCampaign(t.services, { slug, locale });
    if (result.status !== 'found') throw new Error(`no campaign ${slug}`);
    return {
      tr: translatorFor(locale),
      view: result.view,
      requestedLocale: locale,
      action: `/${locale}/campaigns/${slug}/sign`,
      country: 'PH',
      token: 'v1.1.abc.def.ghi',
      source: '',
      ...over,
    };
  }

  it('is byte for byte the directly rendered page, for every campaign, language, token, source and total', async () => {
    const cache = new CampaignPageCache(site);
    const campaigns = await t.services.campaigns.listByStatus(['live', 'closed']);
    expect(campaigns.length).toBeGreaterThan(1);
    for (const campaign of campaigns) {
      for (const locale of ['en', 'tl', 'ar', 'kk']) {
        const first = await inputFor(campaign.slug, locale);
        expect(cache.render(first).toString()).toBe(direct(first).toString());
        // Later requests of the same language version differ only in their own parts.
        for (const [i, total] of [0, 1, 999, 12_345_678].entries()) {
          const next = {
            ...first,
            view: { ...first.view, total },
            token: `v1.1.tok${i}.nonce${i}.mac${i}`,
            source: i % 2 ? `mailing-${locale}-${i}` : '',
          };
          expect(cache.render(next).toString()).toBe(direct(next).toString());
        }
      }
    }
    expect(cache.stats.whole).toBe(0);
  });

  it('answers the same bytes while token, source and total stay the same, and fresh ones when any changes', async () => {
    const cache = new CampaignPageCache(site);
    const input = await inputFor('kazakhstan-free-erlan-baltabay', 'tl');
    const first = cache.render(input);
    expect(cache.render({ ...input })).toBe(first);
    for (const change of [
      { token: 'v1.1.next.second.mac' },
      { source: 'mailing-tl-2' },
      { view: { ...input.view, total: input.view.total + 1 } },
    ]) {
      const changed = { ...input, ...change };
      const page = cache.render(changed);
      expect(page).not.toBe(first);
      expect(page.toString()).toBe(direct(changed).toString());
    }
  });

  it('escapes the spliced parts as the renderer would', async () => {
    const cache = new CampaignPageCache(site);
    const input = await inputFor('kazakhstan-free-erlan-baltabay', 'en');
    cache.render(input);
    const odd = { ...input, token: 'a"b<c>&d', source: 'x"><script>' };
    const html = cache.render(odd).toString();
    expect(html).toBe(direct(odd).toString());
    expect(html).not.toContain('<script>');
  });

  it('stays within its byte budget across 53 languages, evicting the least recently used', async () => {
    const erlan = 'kazakhstan-free-erlan-baltabay';
    const probe = new CampaignPageCache(site);
    probe.render(await inputFor(erlan, 'en'));
    const onePage = probe.memory().bytes;
    const cache = new CampaignPageCache(site, { maxBytes: onePage * 10 });
    const english = await inputFor(erlan, 'en');
    for (const locale of languages) {
      const input = await inputFor(erlan, locale);
      expect(cache.render(input).toString()).toBe(direct(input).toString());
      // English is read between every other language: the most recently used is never the one to go.
      cache.render(english);
      expect(cache.memory().bytes).toBeLessThanOrEqual(onePage * 10);
    }
    const memory = cache.memory();
    expect(memory.entries).toBeLessThan(languages.length);
    expect(memory.evicted).toBe(languages.length - memory.entries);
    const before = cache.memory();
    cache.render({ ...english, token: 'v1.1.still.cached.mac' });
    expect(cache.memory().evicted).toBe(before.evicted);
    expect(cache.memory().entries).toBe(before.entries);
    // An evicted page comes back right.
    const french = await inputFor(erlan, 'fr');
    expect(cache.render(french).toString()).toBe(direct(french).toString());
    expect(cache.stats.whole).toBe(0);
  });

  it('replaces a reloaded campaign’s page instead of keeping both', async () => {
    const cache = new CampaignPageCache(site);
    const input = await inputFor('kazakhstan-free-erlan-baltabay', 'tl');
    cache.render(input);
    const held = cache.memory();
    const reloaded = { ...input, view: { ...input.view, campaign: { ...input.view.campaign } } };
    cache.render(reloaded);
    expect(cache.memory()).toEqual(held);
  });

  it('renders whole, and still right, a page whose content contains a marker', async () => {
    const cache = new CampaignPageCache(site);
    const input = await inputFor('kazakhstan-free-erlan-baltabay', 'en');
    const texts = { ...input.view.texts, headline: 'Free \u0001outcry-slot-token\u0001 now' };
    const tricky = { ...input, view: { ...input.view, campaign: { ...input.view.campaign }, texts } };
    expect(cache.render(tricky).toString()).toBe(direct(tricky).toString());
    const again = { ...tricky, token: 'v1.1.other.token.mac' };
    expect(cache.render(again).toString()).toBe(direct(again).toString());
    expect(cache.render(again).toString()).toContain('Free \u0001outcry-slot-token\u0001 now');
    expect(cache.stats).toEqual({ spliced: 0, whole: 3, compressed: 0 });
  });
});
