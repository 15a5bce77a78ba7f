// The Help translate page's list: live campaigns only, each with the campaign languages not yet published
// (a draft counts as missing), the headline in the reader's language when it is published.
import { describe, expect, it } from 'vitest';
import { buildCampaign } from '../../../test/factories.js';
import type { CampaignTexts, CampaignWithContent } from '../campaign/campaign.js';
import { languagesWanted } from './languages-wanted.js';

function campaign(slug: string, status: CampaignWithContent['status'], versions: [string, string][]) {
  const base = buildCampaign({ slug });
  const source = base.translations[0]!;
  const translations = versions.map(
    ([locale, state]) =>
      ({ ...source, locale, status: state, headline: `${slug} in ${locale}` }) as CampaignTexts,
  );
  return { ...base, id: 1, status, sourceLocale: 'en', translations } as unknown as CampaignWithContent;
}

describe('languages wanted', () => {
  it('lists live campaigns with the languages they are not yet published in', () => {
    const wanted = languagesWanted(
      [
        campaign('a', 'live', [
          ['en', 'published'],
          ['fr', 'published'],
          ['de', 'draft'],
        ]),
        campaign('b', 'closed', [['en', 'published']]),
        campaign('c', 'live', [
          ['en', 'published'],
          ['fr', 'published'],
          ['de', 'published'],
        ]),
      ],
      ['en', 'fr', 'de', 'ka'],
      'fr',
    );
    expect(wanted).toEqual([
      { slug: 'a', headline: 'a in fr', headlineLocale: 'fr', missing: ['de', 'ka'] },
      { slug: 'c', headline: 'c in fr', headlineLocale: 'fr', missing: ['ka'] },
    ]);
    expect(languagesWanted([campaign('d', 'live', [['en', 'published']])], ['en'], 'de')).toEqual([]);
  });
});
