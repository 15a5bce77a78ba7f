// What the renderer (mail/templates/mailing.email.ts) needs to show one language version of a mailing to
// an editor, in the preview and in the test mail: the version the language's readers would get (theirs
// when published, else the source with the renderer's note) and the other live campaigns in that language.
// The list links of a preview or test carry a token of nobody (id 0): following them changes nothing.
import { siteBase } from '../../domain/shared/site-url.js';
import type { CampaignWithContent } from '../campaign/campaign.js';
import type { MailingVersion } from './mailing.ports.js';
import { otherLiveCampaigns } from './mailing-template.js';

/** Other live campaigns a mailing lists at most (the sender shows as many). */
export const otherCampaignsShown = 5;

/** The supporter id in preview and test links: nobody has it. */
export const nobody = 0;

export function previewInput(input: {
  version: MailingVersion;
  /** The language asked for (the list); the version may be the source's as fallback. */
  locale: string;
  live: CampaignWithContent[];
  site: { name: string; baseUrl: string };
}) {
  const base = siteBase(input.site.baseUrl);
  return {
    mailingId: input.version.mailingId,
    locale: input.locale,
    textLocale: input.version.locale,
    subject: input.version.subject,
    preheader: input.version.preheader,
    bodyMd: input.version.bodyMd,
    otherCampaigns: otherLiveCampaigns(input.live, input.version.campaignId, input.locale)
      .slice(0, otherCampaignsShown)
      .map((c) => ({
        headline: c.headline,
        url: `${base}/${c.locale}/campaigns/${encodeURIComponent(c.slug)}`,
      })),
    site: { name: input.site.name, baseUrl: base },
  };
}
