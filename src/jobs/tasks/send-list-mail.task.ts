// Sends the mails of the supporters' side of the lists that the list use cases put in the outbox (the
// sign-up confirmation and the address-change link; texts in mail/templates/list.email.ts).
import type { Config } from '../../config/config.js';
import { translatorFor } from '../../i18n/translator.js';
import { listEmail } from '../../mail/templates/list.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteLinks, siteSender } from '../site.js';

export function sendListMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const { config } = deps;
    const { kind, to, locale, token } = payloadOf(jobKinds.sendListMail, payload);
    const tr = translatorFor(locale);
    const text = listEmail({ kind, locale, token, site: siteLinks(config) }, tr);
    await deps.mail.send(siteMail(siteSender(config), { name: '', address: to }, tr, text));
  };
}
