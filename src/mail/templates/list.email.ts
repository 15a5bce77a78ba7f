// The mails of the supporters' side of the lists, in the language of the page they were asked from: the
// double opt-in of a sign-up (a link to a page whose button subscribes) and the link that proves a new
// address. Neither says whether the address was known.

import type { ListMailKind } from '../../domain/list/list-mail.js';
import { siteBase } from '../../domain/shared/site-url.js';
import type { Translator } from '../../i18n/translator.js';
import type { MailText } from './mail-text.js';

export interface ListEmailData {
  kind: ListMailKind;
  locale: string;
  /** The raw token of the link. */
  token: string;
  site: { name: string; baseUrl: string };
}

/** Where each mail's link leads: a page with one button (a GET changes nothing). */
export function listMailLink(
  data: Pick<ListEmailData, 'kind' | 'locale' | 'token'>,
  baseUrl: string,
): string {
  const base = siteBase(baseUrl);
  return data.kind === 'confirm-signup'
    ? `${base}/${data.locale}/subscribe/confirm/${data.token}`
    : `${base}/${data.locale}/address/confirm?token=${encodeURIComponent(data.token)}`;
}

export function listEmail(data: ListEmailData, tr: Translator): MailText {
  const values = { siteName: data.site.name, link: listMailLink(data, data.site.baseUrl) };
  return data.kind === 'confirm-signup'
    ? { subject: tr.t('mail.list.signup.subject', values), text: tr.t('mail.list.signup.body', values) }
    : { subject: tr.t('mail.list.address.subject', values), text: tr.t('mail.list.address.body', values) };
}
