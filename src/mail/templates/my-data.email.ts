// The mail with a my-data link, in the language of the page it was asked from. The same words whether or
// not the address is known: only the page behind the link says what is held.
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface MyDataEmailData {
  locale: string;
  /** The raw one-time token. */
  token: string;
  site: { name: string; baseUrl: string };
}

export function myDataEmail(data: MyDataEmailData, tr: Translator): MailText {
  const values = {
    siteName: data.site.name,
    link: `${data.site.baseUrl}/${data.locale}/my-data/link/${data.token}`,
  };
  return { subject: tr.t('mail.myData.subject', values), text: tr.t('mail.myData.body', values) };
}
