// Every job kind the worker knows, with the adapters its task needs.

import { sendAccountMailJob } from '../../domain/account/account-mail.js';
import { deliveryAlertJob } from '../../domain/delivery/delivery.js';
import { sendIntakeMailJob } from '../../domain/intake/intake-mail.js';
import { sendSignatureMailJob } from '../../domain/signature/signature.js';
import type { JobHandler } from '../worker.js';
import { sendAccountMailTask } from './send-account-mail.task.js';
import { type DeliveryAlertDeps, sendDeliveryAlertTask } from './send-delivery-alert.task.js';
import { sendEmailKind, sendEmailTask } from './send-email.task.js';
import { sendIntakeMailTask } from './send-intake-mail.task.js';
import { type SignatureMailDeps, sendSignatureMailTask } from './send-signature-mail.task.js';

export type JobDeps = SignatureMailDeps & Pick<DeliveryAlertDeps, 'delivery'>;

export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  return {
    [sendEmailKind]: sendEmailTask(deps),
    [sendSignatureMailJob]: sendSignatureMailTask(deps),
    [sendAccountMailJob]: sendAccountMailTask(deps),
    [deliveryAlertJob]: sendDeliveryAlertTask(deps),
    [sendIntakeMailJob]: sendIntakeMailTask(deps),
  };
}
