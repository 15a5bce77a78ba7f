// "Send a test to yourself": one language version of a mailing as it is when the job runs, rendered by the
// sender's template exactly as recipients get it (mail/templates/mailing.email.ts), to the editor who
// asked. Its subject says it is a test; its preferences and unsubscribe links point at nobody.
import type { Config } from '../../config/config.js';
import type { CampaignReader } from '../../domain/campaign/campaign.ports.js';
import type { MailingVersionReader } from '../../domain/mailing/mailing.ports.js';
import { nobody, previewInput } from '../../domain/mailing/mailing-preview.js';
import { translatorFor } from '../../i18n/translator.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import { compileMailing } from '../../mail/templates/mailing.email.js';
import type { MailTransport } from '../../mail/transport.js';
import { listToken } from '../../security/list-token.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';

export interface MailingTestDeps {
  mail: MailTransport;
  config: Config;
  campaigns: CampaignReader;
  mailings: MailingVersionReader;
}

export function sendMailingTestTask(deps: MailingTestDeps) {
  return async (input: unknown): Promise<void> => {
    const { mailingId, locale, to } = payloadOf(jobKinds.sendMailingTest, input);
    const version = await deps.mailings.version(mailingId, locale);
    // Deleted since: nothing to test.
    if (!version) return;
    const { config } = deps;
    const site = { name: config.SITE_NAME, baseUrl: config.BASE_URL };
    const tr = translatorFor(locale);
    const compiled = await compileMailing(
      previewInput({ version, locale, live: await deps.campaigns.listByStatus(['live']), site }),
      tr,
    );
    const rendered = compiled.render({ name: to.name, token: listToken(nobody, config.APP_SECRET) });
    await deps.mail.send(
      siteMail({ name: config.SITE_NAME, mailFrom: config.MAIL_FROM }, to, tr, {
        ...rendered,
        subject: tr.t('mailings.test.subject', { subject: rendered.subject }),
      }),
    );
  };
}
