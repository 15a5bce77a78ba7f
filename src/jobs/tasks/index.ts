// The task of every job kind that is not recurring (those are in recurring.ts), with the adapters it needs.

import { jobKinds } from '../kinds.js';
import type { JobHandler } from '../worker.js';
import { type IssueLinkDeps, issueAccountLinkTask } from './issue-account-link.task.js';
import { sendAccountMailTask } from './send-account-mail.task.js';
import { type DeliveryAlertDeps, sendDeliveryAlertTask } from './send-delivery-alert.task.js';
import { sendEmailTask } from './send-email.task.js';
import { sendListMailTask } from './send-list-mail.task.js';
import { sendMailingAlertTask } from './send-mailing-alert.task.js';
import { type MailingTestDeps, sendMailingTestTask } from './send-mailing-test.task.js';
import { sendMyDataMailTask } from './send-my-data-mail.task.js';
import { sendCampaignRequestMailTask } from './send-request-mail.task.js';
import { type SignatureMailDeps, sendSignatureMailTask } from './send-signature-mail.task.js';

export type JobDeps = SignatureMailDeps &
  Pick<DeliveryAlertDeps, 'delivery'> &
  Pick<MailingTestDeps, 'mailings'> & { accounts: IssueLinkDeps };

export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  return {
    [jobKinds.sendEmail]: sendEmailTask(deps),
    [jobKinds.sendSignatureMail]: sendSignatureMailTask(deps),
    [jobKinds.sendAccountMail]: sendAccountMailTask(deps),
    [jobKinds.sendDeliveryAlert]: sendDeliveryAlertTask(deps),
    [jobKinds.sendCampaignRequestMail]: sendCampaignRequestMailTask(deps),
    [jobKinds.issueAccountLink]: issueAccountLinkTask(deps),
    [jobKinds.sendMyDataMail]: sendMyDataMailTask(deps),
    [jobKinds.sendListMail]: sendListMailTask(deps),
    [jobKinds.sendMailingTest]: sendMailingTestTask(deps),
    [jobKinds.sendMailingAlert]: sendMailingAlertTask(deps),
  };
}
