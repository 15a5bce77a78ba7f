// What the public "Help translate" page lists: each live campaign and the site's campaign languages it is
// not yet published in, so a volunteer sees where help is needed before applying. Drafts and languages in
// review count as missing: readers cannot see them yet.
import { type CampaignWithContent, chooseTexts } from '../campaign/campaign.js';

export interface LanguagesWanted {
  slug: string;
  /** The headline in the reader's language if published, else the source's. */
  headline: string;
  headlineLocale: string;
  missing: string[];
}

export function languagesWanted(
  campaigns: readonly CampaignWithContent[],
  languages: readonly string[],
  requested: string,
): LanguagesWanted[] {
  return campaigns
    .filter((c) => c.status === 'live')
    .map((c) => {
      const published = new Set(c.translations.filter((t) => t.status === 'published').map((t) => t.locale));
      const texts = chooseTexts(c, requested)?.texts;
      return {
        slug: c.slug,
        headline: texts?.headline ?? c.slug,
        headlineLocale: texts?.locale ?? c.sourceLocale,
        missing: languages.filter((l) => !published.has(l)),
      };
    })
    .filter((w) => w.missing.length > 0);
}
