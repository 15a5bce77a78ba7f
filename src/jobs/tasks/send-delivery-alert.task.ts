// Tells the people who run campaigns that delivery needs a human: a target address bounced (its messages
// are held until someone gives it a new address) or a destination domain blocked us by policy (paused
// until someone resumes it). One mail per admin and editor, in their own language, with the link to act.
import type { Config } from '../../config/config.js';
import type { AlertMailReader } from '../../domain/delivery/delivery.ports.js';
import { translatorFor } from '../../i18n/translator.js';
import type { MailTransport } from '../../mail/transport.js';
import { PermanentJobError } from '../worker.js';

export interface DeliveryAlertDeps {
  mail: MailTransport;
  config: Config;
  delivery: AlertMailReader;
}

export function sendDeliveryAlertTask(deps: DeliveryAlertDeps) {
  return async (payload: unknown): Promise<void> => {
    const alertId = (payload as { alertId?: unknown } | null)?.alertId;
    if (typeof alertId !== 'number') throw new PermanentJobError('invalid send-delivery-alert payload');
    const alert = await deps.delivery.alertForMail(alertId);
    if (!alert) return;
    const link = alert.campaignSlug
      ? `${deps.config.BASE_URL}/editor/campaigns/${alert.campaignSlug}/delivery`
      : `${deps.config.BASE_URL}/editor`;
    for (const user of alert.recipients) {
      const tr = translatorFor(user.locale);
      const values = {
        name: user.name,
        target: alert.targetName ?? '',
        address: alert.targetEmail ?? '',
        domain: alert.domain ?? '',
        campaign: alert.campaignSlug ?? '',
        reason: alert.detail,
        link,
        siteName: deps.config.SITE_NAME,
      };
      const bounced = alert.kind === 'target_bounced';
      await deps.mail.send({
        from: { name: deps.config.SITE_NAME, address: deps.config.MAIL_FROM },
        to: [{ name: user.name, address: user.email }],
        subject: tr.t(bounced ? 'mail.alert.bounced.subject' : 'mail.alert.paused.subject', values),
        text: tr.t(bounced ? 'mail.alert.bounced.body' : 'mail.alert.paused.body', values),
        headers: { 'Auto-Submitted': 'auto-generated', 'Content-Language': tr.locale },
      });
    }
  };
}
