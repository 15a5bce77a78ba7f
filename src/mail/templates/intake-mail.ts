// The mails a union gets about its campaign request, in the interface language it used on the form: the
// acknowledgement, the changes the editors ask for, the approval and the decline with its reason. Plain
// text; the editor's message is quoted verbatim; replies about a decision go to the deciding editor.
import type { IntakeMailKind, IntakeMailPayload } from '../../domain/intake/intake-mail.js';
import { type MessageKey, translatorFor } from '../../i18n/translator.js';
import type { OutgoingMail } from '../transport.js';

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

export function intakeMailMessage(
  payload: IntakeMailPayload,
  site: { siteName: string; mailFrom: string },
): OutgoingMail {
  const tr = translatorFor(payload.locale);
  const values = {
    name: payload.to.name || payload.to.address,
    headline: payload.headline,
    orgName: payload.orgName,
    message: payload.message ?? '',
    editor: payload.replyTo?.name ?? site.siteName,
    siteName: site.siteName,
  };
  return {
    from: { name: site.siteName, address: site.mailFrom },
    to: [payload.to],
    ...(payload.replyTo ? { replyTo: payload.replyTo } : {}),
    subject: tr.t(subjects[payload.kind], values),
    text: tr.t(bodies[payload.kind], values),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': tr.locale },
  };
}
