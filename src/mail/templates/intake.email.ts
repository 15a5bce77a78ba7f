// The mails a union gets about its campaign request, in the interface language it used on the form: the
// acknowledgement, the changes the editors ask for, the approval and the decline with its reason. The
// editor's message is quoted verbatim; a decision names the deciding editor, to whom replies go.
import type { IntakeMailKind } from '../../domain/intake/intake-mail.js';
import type { MessageKey, Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface IntakeEmailData {
  kind: IntakeMailKind;
  /** The requester: greeted by name, or by address when the form had none. */
  recipient: { name: string; address: string };
  headline: string;
  orgName: string;
  /** The editor's message (changes) or reason (declined). */
  message?: string | undefined;
  /** The deciding editor's name; the site's when nobody decided yet. */
  editorName?: string | undefined;
  siteName: string;
}

const subjects: Record<IntakeMailKind, MessageKey> = {
  received: 'mail.intake.received.subject',
  changes: 'mail.intake.changes.subject',
  approved: 'mail.intake.approved.subject',
  declined: 'mail.intake.declined.subject',
};
const bodies: Record<IntakeMailKind, MessageKey> = {
  received: 'mail.intake.received.body',
  changes: 'mail.intake.changes.body',
  approved: 'mail.intake.approved.body',
  declined: 'mail.intake.declined.body',
};

export function intakeEmail(data: IntakeEmailData, tr: Translator): MailText {
  const values = {
    name: data.recipient.name || data.recipient.address,
    headline: data.headline,
    orgName: data.orgName,
    message: data.message ?? '',
    editor: data.editorName ?? data.siteName,
    siteName: data.siteName,
  };
  return { subject: tr.t(subjects[data.kind], values), text: tr.t(bodies[data.kind], values) };
}
