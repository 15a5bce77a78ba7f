// The two mails a supporter gets about a signature, in their language: "please confirm" (a link to a page
// with a button; a GET never confirms) and "thank you" (the campaign link to share and, when the campaign
// mails its targets, the link to the page that follows their message).
import type { SignatureMailKind } from '../../domain/signature/signature.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

interface SignatureEmailCommon {
  name: string;
  /** The campaign's headline in the language of `campaignLocale`. */
  headline: string;
  /** The supporter's language: the confirm and status pages are opened in it. */
  locale: string;
  /** The language of the campaign texts chosen for the supporter: the campaign page is shared in it. */
  campaignLocale: string;
  campaignSlug: string;
  site: { name: string; baseUrl: string };
}

export type SignatureEmailData = SignatureEmailCommon &
  (
    | { kind: Extract<SignatureMailKind, 'confirm'> /** The raw confirmation token. */; token: string }
    | {
        kind: Extract<SignatureMailKind, 'thank'>;
        /** The token of the delivery-status page, when the campaign mails its targets. */
        statusToken?: string | undefined;
      }
  );

export function signatureEmail(data: SignatureEmailData, tr: Translator): MailText {
  const base = data.site.baseUrl;
  const link =
    data.kind === 'confirm'
      ? `${base}/${data.locale}/confirm/${data.token}`
      : `${base}/${data.campaignLocale}/campaigns/${data.campaignSlug}`;
  const values = { name: data.name, headline: data.headline, link, siteName: data.site.name };
  const body = tr.t(data.kind === 'confirm' ? 'mail.confirm.body' : 'mail.thank.body', values);
  return {
    subject: tr.t(data.kind === 'confirm' ? 'mail.confirm.subject' : 'mail.thank.subject', {
      headline: data.headline,
    }),
    text:
      data.kind === 'thank' && data.statusToken
        ? withStatus(
            body,
            tr.t('mail.thank.status', { link: `${base}/${data.locale}/status/${data.statusToken}` }),
          )
        : body,
  };
}

/** The status paragraph goes before the signature line that ends the thank-you body. */
function withStatus(body: string, paragraph: string): string {
  const end = body.lastIndexOf('\n\n');
  return end === -1 ? `${body}\n\n${paragraph}` : `${body.slice(0, end)}\n\n${paragraph}${body.slice(end)}`;
}
