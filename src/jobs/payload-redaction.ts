// What a finished job keeps of its payload. A payload outlives its job (done until purged, dead until an
// operator looks), and in every backup: one-time tokens (login, reset, invitation, confirmation links) and
// people's addresses and words are dropped from it the moment the job is done or dead.
import { sendAccountMailJob } from '../domain/account/account-mail.js';
import { issueAccountLinkJob } from '../domain/account/request-link.js';
import { sendCampaignRequestMailJob } from '../domain/campaign-request/campaign-request-mail.js';
import { sendSignatureMailJob } from '../domain/signature/signature.js';
import { jobKinds } from './kinds.js';

/**
 * Per job kind, the payload fields that are secret or personal. A function, read when a job ends: the
 * worker imports this module, and the task modules it names import the worker.
 */
export const secretFields = (): Readonly<Record<string, readonly string[]>> => ({
  [sendAccountMailJob]: ['token', 'to', 'invitedBy'],
  [issueAccountLinkJob]: ['email'],
  [sendSignatureMailJob]: ['token'],
  [sendCampaignRequestMailJob]: ['to', 'replyTo', 'message'],
  [jobKinds.sendEmail]: ['to', 'replyTo', 'subject', 'text', 'html'],
  [jobKinds.sendMyDataMail]: ['to', 'token'],
  [jobKinds.sendListMail]: ['to', 'token'],
});

/**
 * The payload without its kind's secret fields, or undefined when there is nothing to drop (the stored
 * payload then stays as it is). A dead job redacted this way cannot be retried: its links are gone, and
 * the person asks for a new one.
 */
export function redactPayload(kind: string, payload: unknown): unknown {
  const fields = secretFields()[kind];
  if (!fields || payload === null || typeof payload !== 'object' || Array.isArray(payload)) return undefined;
  if (!fields.some((f) => f in payload)) return undefined;
  return Object.fromEntries(Object.entries(payload).filter(([key]) => !fields.includes(key)));
}
