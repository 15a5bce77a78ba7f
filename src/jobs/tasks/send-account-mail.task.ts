// Sends an account mail (invitation, login link, password reset link) that a use case put in the outbox,
// in the recipient's interface language (the text is mail/templates/account.email.ts).
import type { Config } from '../../config/config.js';
import { translatorFor } from '../../i18n/translator.js';
import { accountEmail } from '../../mail/templates/account.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteLinks, siteSender } from '../site.js';

export function sendAccountMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const { config } = deps;
    const { to, locale, ...data } = payloadOf(jobKinds.sendAccountMail, payload);
    const tr = translatorFor(locale);
    const text = accountEmail({ ...data, recipient: to, site: siteLinks(config) }, tr);
    await deps.mail.send(siteMail(siteSender(config), to, tr, text));
  };
}
