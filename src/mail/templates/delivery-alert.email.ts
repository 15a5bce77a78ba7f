// Tells an admin or editor that delivery needs a human, in their own language: a target address bounced
// (its messages are held until someone gives it a new address) or a destination domain blocked us by
// policy (paused until someone resumes it). The link goes to the campaign's delivery page, or the editor
// home when the alert names no campaign.
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface DeliveryAlertEmailData {
  alert: {
    /** `target_bounced`; any other kind is a paused domain. */
    kind: string;
    /** The receiving server's answer, verbatim. */
    detail: string;
    domain: string | null;
    campaignSlug: string | null;
    targetName: string | null;
    targetEmail: string | null;
  };
  recipientName: string;
  site: { name: string; baseUrl: string };
  /** Where the domain is resumed, when not a campaign's delivery page (a mailing's report). */
  link?: string;
}

export function deliveryAlertEmail(data: DeliveryAlertEmailData, tr: Translator): MailText {
  const { alert, site } = data;
  const link =
    data.link ??
    (alert.campaignSlug
      ? `${site.baseUrl}/editor/campaigns/${alert.campaignSlug}/delivery`
      : `${site.baseUrl}/editor`);
  const values = {
    name: data.recipientName,
    target: alert.targetName ?? '',
    address: alert.targetEmail ?? '',
    domain: alert.domain ?? '',
    campaign: alert.campaignSlug ?? '',
    reason: alert.detail,
    link,
    siteName: site.name,
  };
  const bounced = alert.kind === 'target_bounced';
  return {
    subject: tr.t(bounced ? 'mail.alert.bounced.subject' : 'mail.alert.paused.subject', values),
    text: tr.t(bounced ? 'mail.alert.bounced.body' : 'mail.alert.paused.body', values),
  };
}
