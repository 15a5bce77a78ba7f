// The mails a union gets about its campaign request, in the interface language it used on the form: the
// acknowledgement, the changes the editors ask for, the approval and the decline with its reason, and the
// link to the campaign once it is live. The
// editor's message is quoted verbatim; a decision names the deciding editor, to whom replies go.
import type { CampaignRequestMailKind } from '../../domain/campaign-request/campaign-request-mail.js';
import type { StringKey, Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface CampaignRequestEmailData {
  kind: CampaignRequestMailKind;
  /** The requester: greeted by name, or by address when the form had none. */
  recipient: { name: string; address: string };
  headline: string;
  orgName: string;
  /** The editor's message (changes) or reason (declined). */
  message?: string | undefined;
  /** launched: the campaign page's full address. */
  campaignUrl?: string | undefined;
  /** The deciding editor's name; the site's when nobody decided yet. */
  editorName?: string | undefined;
  siteName: string;
}

const subjects: Record<CampaignRequestMailKind, StringKey> = {
  received: 'mail.request.received.subject',
  changes: 'mail.request.changes.subject',
  approved: 'mail.request.approved.subject',
  declined: 'mail.request.declined.subject',
  launched: 'mail.request.launched.subject',
};
const bodies: Record<CampaignRequestMailKind, StringKey> = {
  received: 'mail.request.received.body',
  changes: 'mail.request.changes.body',
  approved: 'mail.request.approved.body',
  declined: 'mail.request.declined.body',
  launched: 'mail.request.launched.body',
};

export function campaignRequestEmail(data: CampaignRequestEmailData, tr: Translator): MailText {
  const values = {
    name: data.recipient.name || data.recipient.address,
    headline: data.headline,
    orgName: data.orgName,
    message: data.message ?? '',
    editor: data.editorName ?? data.siteName,
    siteName: data.siteName,
    url: data.campaignUrl ?? '',
  };
  return { subject: tr.t(subjects[data.kind], values), text: tr.t(bodies[data.kind], values) };
}
