// Tells the people who send mailings that a receiving domain refused a mailing by policy (5.7.x) and is
// paused: its recipients wait in the queue while the rest of the mailing goes on, until someone resumes the
// domain from the mailing's report, where the link leads. One mail per admin and editor (the roles that hold
// `mailings:send`), in their own language; the sender's tick wrote this job when the refusal paused the
// domain, so a pause gets one alert however many refusals follow it (decision 0020).
import { siteBase } from '../../domain/shared/site-url.js';
import { payloadOf } from '../job-payload.js';
import { jobKinds } from '../kinds.js';
import { type DeliveryAlertDeps, mailAlert } from './send-delivery-alert.task.js';

export function sendMailingAlertTask(deps: DeliveryAlertDeps) {
  return async (payload: unknown): Promise<void> => {
    const { mailingId, domain, reason } = payloadOf(jobKinds.sendMailingAlert, payload);
    const link = `${siteBase(deps.config.BASE_URL)}/editor/mailings/${mailingId}/report`;
    const alert = {
      kind: 'domain_paused',
      detail: reason,
      domain,
      campaignSlug: null,
      targetName: null,
      targetEmail: null,
    };
    await mailAlert(deps, await deps.delivery.alertRecipients(), { alert, link });
  };
}
