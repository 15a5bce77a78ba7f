// Tells the people who run campaigns that delivery needs a human: a target address bounced (its messages
// are held until someone gives it a new address) or a destination domain blocked us by policy (paused
// until someone resumes it). One mail per admin and editor, in their own language, with the link to act
// (the text is mail/templates/delivery-alert.email.ts).
import type { Config } from '../../config/config.js';
import type { AlertMail, AlertMailReader } from '../../domain/delivery/delivery.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import {
  type DeliveryAlertEmailData,
  deliveryAlertEmail,
} from '../../mail/templates/delivery-alert.email.js';
import { siteMail } from '../../mail/templates/mail-text.js';
import type { MailTransport } from '../../mail/transport.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { siteLinks, siteSender } from '../site.js';

export interface DeliveryAlertDeps {
  mail: MailTransport;
  config: Config;
  delivery: AlertMailReader;
}

export function sendDeliveryAlertTask(deps: DeliveryAlertDeps) {
  return async (payload: unknown): Promise<void> => {
    const alert = await deps.delivery.alertForMail(payloadOf(jobKinds.sendDeliveryAlert, payload).alertId);
    if (alert) await mailAlert(deps, alert.recipients, { alert });
  };
}

/** The alert mail to each of `recipients`, in their own language (here and for a paused mailing's domain). */
export async function mailAlert(
  deps: DeliveryAlertDeps,
  recipients: AlertMail['recipients'],
  data: Omit<DeliveryAlertEmailData, 'recipientName' | 'site'>,
): Promise<void> {
  const { config } = deps;
  const site = siteLinks(config);
  for (const user of recipients) {
    const tr = translatorFor(user.locale);
    const text = deliveryAlertEmail({ ...data, recipientName: user.name, site }, tr);
    await deps.mail.send(siteMail(siteSender(config), { name: user.name, address: user.email }, tr, text));
  }
}
