// Sends an account mail (invitation, login link, password reset link) that a use case put in the outbox,
// in the recipient's interface language (the text is mail/templates/account.email.ts).
import type { Config } from '../../config/config.js';
import { translatorFor } from '../../i18n/translator.js';
import { accountEmail } from '../../mail/templates/account.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { jobKinds, jobPayloads } from '../kinds.js';
import { PermanentJobError } from '../worker.js';

export function sendAccountMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const parsed = jobPayloads[jobKinds.sendAccountMail].safeParse(payload);
    if (!parsed.success) throw new PermanentJobError('invalid send-account-mail payload');
    const { config } = deps;
    const { to, locale, ...data } = parsed.data;
    const tr = translatorFor(locale);
    const text = accountEmail(
      { ...data, recipient: to, site: { name: config.SITE_NAME, baseUrl: config.BASE_URL } },
      tr,
    );
    await deps.mail.send(siteMail({ name: config.SITE_NAME, mailFrom: config.MAIL_FROM }, to, tr, text));
  };
}
