// Creating draft campaigns, the pure part: slugs from headlines in any script, and bad headlines, slugs
// and languages refused, all at once, before anything reaches the store. Slug uniqueness against real
// databases is tested with the store (db/campaign-draft.repository.test.ts).
import { describe, expect, it } from 'vitest';
import { type CampaignDraftStore, createCampaign, slugFromHeadline } from './create-campaign.js';

describe('slugs from headlines', () => {
  it('keeps Latin letters without accents, digits and single hyphens', () => {
    expect(slugFromHeadline('Kazakhstan: Erlan Baltabay sentenced to 7 years!')).toBe(
      'kazakhstan-erlan-baltabay-sentenced-to-7-years',
    );
    expect(slugFromHeadline('Türkiye: Aliağa workers’ union — reinstate them')).toBe(
      'turkiye-aliaga-workers-union-reinstate-them',
    );
    expect(slugFromHeadline('Straße, Łódź, Ærø')).toBe('strasse-lodz-aero');
  });

  it('cuts long headlines at a word boundary and gives nothing for other scripts', () => {
    const slug = slugFromHeadline(
      'Philippines: Holcim workers demand justice after the company dismissed the whole union executive board',
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toBe('philippines-holcim-workers-demand-justice-after-the-company-dismissed-the-whole');
    expect(slugFromHeadline('أطلقوا سراح النقابيين المعتقلين')).toBe('');
    expect(slugFromHeadline('  --  ')).toBe('');
  });
});

describe('createCampaign refusals', () => {
  // Refusals are decided before any storage is touched: a store that fails the test if it is.
  const untouched: CampaignDraftStore = {
    slugExists: () => Promise.reject(new Error('the store was asked')),
    create: () => Promise.reject(new Error('the store was written')),
  };
  const deps = { drafts: untouched, clock: { now: () => 0 } };
  const actor = { id: 1, email: 'editor@example.org' };

  it('refuses bad headlines and languages, all at once', async () => {
    expect(await createCampaign(deps, actor, { headline: '   ', sourceLocale: 'en' })).toEqual({
      status: 'invalid',
      errors: { headline: 'HeadlineRequired' },
    });
    expect(await createCampaign(deps, actor, { headline: 'x'.repeat(201), sourceLocale: 'en' })).toEqual({
      status: 'invalid',
      errors: { headline: 'HeadlineTooLong' },
    });
    expect(
      await createCampaign(deps, actor, {
        headline: 'Free \u202eErlan',
        sourceLocale: 'english',
        slug: 'a b',
      }),
    ).toEqual({
      status: 'invalid',
      errors: { headline: 'HeadlineInvalid', sourceLocale: 'LanguageInvalid', slug: 'SlugInvalid' },
    });
  });

  it('refuses given slugs that are reserved or malformed instead of changing them', async () => {
    const base = { headline: 'Cambodia: Solidarity with the West Mebun temple workers', sourceLocale: 'km' };
    expect(await createCampaign(deps, actor, { ...base, slug: 'Archive' })).toEqual({
      status: 'invalid',
      errors: { slug: 'SlugReserved' },
    });
    for (const slug of ['-mebun', 'mebun-', 'me bun', 'mébun', 'x'.repeat(81)]) {
      expect(await createCampaign(deps, actor, { ...base, slug })).toEqual({
        status: 'invalid',
        errors: { slug: 'SlugInvalid' },
      });
    }
  });
});
