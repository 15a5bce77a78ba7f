// What every mail template returns (the words of one mail, in one language) and the envelope of the mail the
// site sends in its own name: account links, delivery alerts, reminders, request decisions, signature mails.
// Templates never pick a transport or read config; the task that sends gives them data and a translator.
import type { Translator } from '../../i18n/translator.js';
import type { Address, OutgoingMail } from '../transport.js';

/**
 * A template's answer. Plain text is the rule: it reaches every phone and every mail client and carries
 * nothing a spam filter dislikes. A template that also has an HTML version returns it in `html`.
 */
export interface MailText {
  subject: string;
  text: string;
  html?: string;
}

export interface SiteSender {
  /** SITE_NAME, the From display name. */
  name: string;
  /** MAIL_FROM. */
  mailFrom: string;
}

/**
 * From the site to one person, in the language of `tr`: marked `Auto-Submitted` so auto-responders stay
 * quiet, with `Content-Language` for screen readers and filters.
 */
export function siteMail(
  site: SiteSender,
  to: Address,
  tr: Pick<Translator, 'locale'>,
  content: MailText,
  replyTo?: Address,
): OutgoingMail {
  return {
    from: { name: site.name, address: site.mailFrom },
    to: [to],
    ...(replyTo ? { replyTo } : {}),
    subject: content.subject,
    text: content.text,
    ...(content.html === undefined ? {} : { html: content.html }),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': tr.locale },
  };
}
