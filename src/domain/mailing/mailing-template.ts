// What the composer's templates are filled from, per kind, taken from the campaign the mailing promotes:
// its headline and link (launch, escalation, urgent), its outcome, its count and the languages its
// volunteers translated it into (victory), and the other live campaigns a victory mailing points on to.
// The wording itself is interface text (http/editor/mailings/mailing-templates.ts), in the mailing's
// source language; the urgent kind also presets the segment to those who have not signed.
import { type CampaignWithContent, chooseTexts } from '../campaign/campaign.js';
import type { MailingKind } from './mailing.js';
import { emptySegment, type Segment } from './segment.js';

/** A live campaign as a mailing lists it: its headline in the reader's language, or the source's. */
export interface OtherCampaign {
  slug: string;
  /** The language of the headline (and of the page link). */
  locale: string;
  headline: string;
}

/** The live campaigns other than `exceptId`, each in `locale` where published, else in its source. */
export function otherLiveCampaigns(
  campaigns: CampaignWithContent[],
  exceptId: number | null,
  locale: string,
): OtherCampaign[] {
  return campaigns
    .filter((c) => c.id !== exceptId && c.status === 'live')
    .flatMap((c) => {
      const texts = chooseTexts(c, locale)?.texts;
      return texts ? [{ slug: c.slug, locale: texts.locale, headline: texts.headline }] : [];
    });
}

export interface TemplateFacts {
  kind: MailingKind;
  locale: string;
  campaignId: number;
  slug: string;
  headline: string;
  outcomeMd: string | null;
  count: number;
  /** Published translations other than the source: the languages volunteers translated it into. */
  translatedLocales: string[];
  /** Other live campaigns, headline in the mailing's language where published. */
  otherLive: OtherCampaign[];
}

export function templateFacts(input: {
  kind: MailingKind;
  locale: string;
  campaign: CampaignWithContent;
  count: number;
  live: CampaignWithContent[];
}): TemplateFacts | undefined {
  const texts = chooseTexts(input.campaign, input.locale)?.texts;
  if (!texts) return undefined;
  const source = input.campaign.translations.find(
    (t) => t.locale === input.campaign.sourceLocale && t.status === 'published',
  );
  return {
    kind: input.kind,
    locale: input.locale,
    campaignId: input.campaign.id,
    slug: input.campaign.slug,
    headline: texts.headline,
    outcomeMd: texts.outcomeMd ?? source?.outcomeMd ?? null,
    count: input.count,
    translatedLocales: input.campaign.translations
      .filter((t) => t.status === 'published' && t.locale !== input.campaign.sourceLocale)
      .map((t) => t.locale)
      .sort(),
    otherLive: otherLiveCampaigns(input.live, input.campaign.id, input.locale),
  };
}

/** The segment a template starts from: the chosen lists; urgent mailings go to those who have not signed. */
export function templateSegment(kind: MailingKind, campaignId: number | null, locales: string[]): Segment {
  const segment = emptySegment(locales);
  return kind === 'urgent' && campaignId !== null ? { ...segment, notSignedCampaignId: campaignId } : segment;
}
