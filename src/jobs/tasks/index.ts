// The task of every job kind that is not recurring (those are in recurring.ts), with the adapters it needs.

import { jobKinds } from '../kinds.js';
import type { JobHandler } from '../worker.js';
import { sendAccountMailTask } from './send-account-mail.task.js';
import { type DeliveryAlertDeps, sendDeliveryAlertTask } from './send-delivery-alert.task.js';
import { sendEmailTask } from './send-email.task.js';
import { sendIntakeMailTask } from './send-intake-mail.task.js';
import { sendMyDataMailTask } from './send-my-data-mail.task.js';
import { type SignatureMailDeps, sendSignatureMailTask } from './send-signature-mail.task.js';

export type JobDeps = SignatureMailDeps & Pick<DeliveryAlertDeps, 'delivery'>;

export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  return {
    [jobKinds.sendEmail]: sendEmailTask(deps),
    [jobKinds.sendSignatureMail]: sendSignatureMailTask(deps),
    [jobKinds.sendAccountMail]: sendAccountMailTask(deps),
    [jobKinds.sendDeliveryAlert]: sendDeliveryAlertTask(deps),
    [jobKinds.sendIntakeMail]: sendIntakeMailTask(deps),
    [jobKinds.sendMyDataMail]: sendMyDataMailTask(deps),
  };
}
