// Sends a mail about a campaign request (acknowledgement, changes asked for, approval, decline, launch) that an
// campaign request use case put in the outbox. A payload that does not parse is a bug, not a delivery problem: the
// job goes dead at once instead of retrying.
import type { Config } from '../../config/config.js';
import { siteBase } from '../../domain/shared/site-url.js';
import { translatorFor } from '../../i18n/translator.js';
import { campaignRequestEmail } from '../../mail/templates/campaign-request.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteSender } from '../site.js';

export function sendCampaignRequestMailTask(deps: { mail: MailTransport; config: Config }) {
  return async (payload: unknown): Promise<void> => {
    const { config } = deps;
    const { to, locale, replyTo, campaignPath, ...data } = payloadOf(
      jobKinds.sendCampaignRequestMail,
      payload,
    );
    const tr = translatorFor(locale);
    const text = campaignRequestEmail(
      {
        ...data,
        recipient: to,
        editorName: replyTo?.name,
        siteName: config.SITE_NAME,
        campaignUrl: campaignPath && `${siteBase(config.BASE_URL)}${campaignPath}`,
      },
      tr,
    );
    await deps.mail.send(siteMail(siteSender(config), to, tr, text, replyTo));
  };
}
