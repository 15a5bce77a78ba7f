// The reminder an admin or editor gets a week before a campaign's end date, in their own language: which
// campaign ends when, and the link to extend it or close it with its outcome.
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface CampaignReminderEmailData {
  recipient: { name: string; email: string };
  /** The headline falls back to the slug for a campaign without one. */
  campaign: { slug: string; headline: string | null; endsAt: number };
  site: { name: string; baseUrl: string };
}

export function campaignReminderEmail(data: CampaignReminderEmailData, tr: Translator): MailText {
  const { recipient, campaign, site } = data;
  const values = {
    name: recipient.name || recipient.email,
    headline: campaign.headline ?? campaign.slug,
    date: tr.date(campaign.endsAt),
    link: `${site.baseUrl}/editor/campaigns/${campaign.slug}`,
    siteName: site.name,
  };
  return {
    subject: tr.t('lifecycle.reminder.subject', values),
    text: tr.t('lifecycle.reminder.body', values),
  };
}
