// Sends one email that a use case put in the outbox (confirmation, thanks, alerts). The message is composed
// when the job is written, inside the transaction that caused it, so the worker only delivers it.
import { z } from 'zod';
import type { MailTransport, OutgoingMail } from '../../mail/transport.js';
import { PermanentJobError } from '../worker.js';

export const sendEmailKind = 'send-email';

const address = z.object({ name: z.string(), address: z.string() });
const payloadSchema = z.object({
  from: address,
  to: z.array(address).min(1),
  replyTo: address.optional(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

export type SendEmailPayload = z.infer<typeof payloadSchema>;

export function sendEmailTask(deps: { mail: MailTransport }) {
  return async (payload: unknown): Promise<void> => {
    const parsed = payloadSchema.safeParse(payload);
    if (!parsed.success) throw new PermanentJobError(`invalid send-email payload: ${parsed.error.message}`);
    const mail: OutgoingMail = parsed.data;
    await deps.mail.send(mail);
  };
}
