// Every job kind the worker knows, with the adapters its task needs.
import { sendSignatureMailJob } from '../../domain/signature/signature.js';
import type { JobHandler } from '../worker.js';
import { sendEmailKind, sendEmailTask } from './send-email.task.js';
import { type SignatureMailDeps, sendSignatureMailTask } from './send-signature-mail.task.js';

export function jobHandlers(deps: SignatureMailDeps): Record<string, JobHandler> {
  return {
    [sendEmailKind]: sendEmailTask(deps),
    [sendSignatureMailJob]: sendSignatureMailTask(deps),
  };
}
