// Sends one email that a use case put in the outbox (confirmation, thanks, alerts). The message is composed
// when the job is written, inside the transaction that caused it, so the worker only delivers it.
import type { MailTransport, OutgoingMail } from '../../mail/transport.js';
import { jobKinds, jobPayloads } from '../kinds.js';
import { PermanentJobError } from '../worker.js';

export function sendEmailTask(deps: { mail: MailTransport }) {
  return async (payload: unknown): Promise<void> => {
    const parsed = jobPayloads[jobKinds.sendEmail].safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid send-email payload: ${parsed.error.message}`);
    const mail: OutgoingMail = parsed.data;
    await deps.mail.send(mail);
  };
}
