// Sends the mail with a my-data link that requestMyData put in the outbox (the text is
// mail/templates/my-data.email.ts), in the language of the page it was asked from.
import type { Config } from '../../config/config.js';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { myDataEmail } from '../../mail/templates/my-data.email.js';
import type { MailTransport } from '../../mail/transport.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteLinks, siteSender } from '../site.js';

export function sendMyDataMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const { config } = deps;
    const { to, locale, token } = payloadOf(jobKinds.sendMyDataMail, payload);
    const tr = translatorFor(locale);
    const text = myDataEmail({ locale, token, site: siteLinks(config) }, tr);
    await deps.mail.send(siteMail(siteSender(config), { name: '', address: to }, tr, text));
  };
}
