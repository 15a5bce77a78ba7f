// Every job kind the worker knows, with the adapters its task needs.

import { deliveryAlertJob } from '../../db/delivery.repository.js';
import { sendAccountMailJob } from '../../domain/account/account-mail.js';
import { issueAccountLinkJob } from '../../domain/account/request-link.js';
import { sendIntakeMailJob } from '../../domain/intake/intake-mail.js';
import { sendSignatureMailJob } from '../../domain/signature/signature.js';
import type { JobHandler } from '../worker.js';
import { type IssueLinkDeps, issueAccountLinkTask } from './issue-account-link.task.js';
import { sendAccountMailTask } from './send-account-mail.task.js';
import { type DeliveryAlertDeps, sendDeliveryAlertTask } from './send-delivery-alert.task.js';
import { sendEmailKind, sendEmailTask } from './send-email.task.js';
import { sendIntakeMailTask } from './send-intake-mail.task.js';
import { type SignatureMailDeps, sendSignatureMailTask } from './send-signature-mail.task.js';

export type JobDeps = SignatureMailDeps & Pick<DeliveryAlertDeps, 'delivery'> & { accounts: IssueLinkDeps };

export function jobHandlers(deps: JobDeps): Record<string, JobHandler> {
  return {
    [sendEmailKind]: sendEmailTask(deps),
    [sendSignatureMailJob]: sendSignatureMailTask(deps),
    [sendAccountMailJob]: sendAccountMailTask(deps),
    [issueAccountLinkJob]: issueAccountLinkTask(deps),
    [deliveryAlertJob]: sendDeliveryAlertTask(deps),
    [sendIntakeMailJob]: sendIntakeMailTask(deps),
  };
}
