// The two mails a supporter gets about a signature, in their language: "please confirm" (a link to a page
// with a button) and "thank you" (with the campaign link to share). Plain text: it reaches every phone and
// every mail client, and carries nothing a spam filter dislikes.
import type { CampaignTexts } from '../../domain/campaign/campaign.js';
import type { SignatureMailKind } from '../../domain/signature/signature.js';
import type { Translator } from '../../i18n/translator.js';
import type { Address, OutgoingMail } from '../transport.js';

export interface SignatureMailInput {
  kind: SignatureMailKind;
  tr: Translator;
  texts: Pick<CampaignTexts, 'headline' | 'locale'>;
  to: Address;
  from: Address;
  siteName: string;
  /** The confirm page (confirm) or the campaign page (thank). */
  link: string;
  /** Thank-you mail: the supporter's delivery-status page, when the campaign mails its targets. */
  statusLink?: string;
}

export function signatureMail(input: SignatureMailInput): OutgoingMail {
  const { tr, texts, kind } = input;
  const values = {
    name: input.to.name,
    headline: texts.headline,
    link: input.link,
    siteName: input.siteName,
  };
  return {
    from: input.from,
    to: [input.to],
    subject: tr.t(kind === 'confirm' ? 'mail.confirm.subject' : 'mail.thank.subject', {
      headline: texts.headline,
    }),
    text: withStatus(tr.t(kind === 'confirm' ? 'mail.confirm.body' : 'mail.thank.body', values), input),
    headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': tr.locale },
  };
}

/** The status link goes before the signature line that ends the thank-you body. */
function withStatus(body: string, input: SignatureMailInput): string {
  if (input.kind !== 'thank' || !input.statusLink) return body;
  const paragraph = input.tr.t('mail.thank.status', { link: input.statusLink });
  const end = body.lastIndexOf('\n\n');
  return end === -1 ? `${body}\n\n${paragraph}` : `${body.slice(0, end)}\n\n${paragraph}${body.slice(end)}`;
}
