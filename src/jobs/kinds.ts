// Every kind of job the queue carries, with the schema of its payload: the contract between whatever writes
// a job (a use case's outbox, a repository in the writing transaction, the recurring schedule) and the task
// that runs it. A payload that does not parse is a bug, not a delivery problem: its job goes dead at once.
// The kinds that use cases write are named in domain/ beside their payload types (domain/ may not import
// jobs/); their schemas here must produce exactly those types.
import { z } from 'zod';
import {
  type AccountMailPayload,
  accountMailKinds,
  sendAccountMailJob,
} from '../domain/account/account-mail.js';
import { roles } from '../domain/account/permissions.js';
import { type IssueLinkPayload, issueAccountLinkJob } from '../domain/account/request-link.js';
import {
  type CampaignRequestMailPayload,
  campaignRequestMailKinds,
  sendCampaignRequestMailJob,
} from '../domain/campaign-request/campaign-request-mail.js';
import { type ListMailPayload, listMailKinds, sendListMailJob } from '../domain/list/list-mail.js';
import { type MailingTestPayload, sendMailingTestJob } from '../domain/mailing/mailing.ports.js';
import { type BuildDossierPayload, buildDossierJob } from '../domain/petition/dossier.js';
import { type MyDataMailPayload, sendMyDataMailJob } from '../domain/privacy/my-data-mail.js';
import { type SignatureMailPayload, sendSignatureMailJob } from '../domain/signature/signature.js';

export const jobKinds = {
  /** A mail composed when the job was written (end-date reminders, test messages): only delivered. */
  sendEmail: 'send-email',
  /** The confirmation or thank-you mail of one signature, composed from its state when sent. */
  sendSignatureMail: sendSignatureMailJob,
  /** An invitation, login link or password reset link. */
  sendAccountMail: sendAccountMailJob,
  /** A login-link or reset-link request, turned into a link (or nothing) in the worker. */
  issueAccountLink: issueAccountLinkJob,
  /** A mail about a campaign request: received, changes asked for, approved, declined. */
  sendCampaignRequestMail: sendCampaignRequestMailJob,
  /** A supporter's my-data link (sent whether or not the address is known). */
  sendMyDataMail: sendMyDataMailJob,
  /** A list sign-up's confirmation link, or a list member's address-change link. */
  sendListMail: sendListMailJob,
  /** A delivery alert (a target bounced, a domain paused) to every admin and editor. */
  sendDeliveryAlert: 'send-delivery-alert',
  /** One language version of a mailing as it is now, to the editor who asked for a test. */
  sendMailingTest: sendMailingTestJob,
  /** A receiving domain refused a mailing by policy and is paused: one mail to every admin and editor. */
  sendMailingAlert: 'send-mailing-alert',
  /** Recurring, every minute: start the scheduled mailings whose time has come. */
  startScheduledMailings: 'start-scheduled-mailings',
  /** Recurring: close ended campaigns, remind before the end date. */
  campaignLifecycle: 'campaign-lifecycle',
  /** Recurring: expire signatures never confirmed. */
  expireSignatures: 'expire-signatures',
  /** Recurring: rebuild the counts from the signatures. */
  reconcileCounts: 'reconcile-counts',
  /** Recurring: drop keyed network hashes once the review of held signatures is over. */
  forgetNetworks: 'forget-networks',
  /** Recurring: delete done jobs after JOB_RETENTION_DAYS. */
  purgeJobs: 'purge-jobs',
  /** Recurring, daily: purge personal data past its retention (settings), report numbers to the audit log. */
  purgeRetention: 'purge-retention',
  /** A printable dossier (one PDF, or a ZIP of one PDF per country) an editor asked for. */
  buildDossier: buildDossierJob,
  /** Recurring, daily: delete dossiers kept past the dossier retention setting. */
  purgeDossiers: 'purge-dossiers',
  /** Recurring: append counted signatures to their campaigns' logs, sign new tree heads (decision 0031). */
  appendSignatureLog: 'append-signature-log',
  /** Recurring, hourly: the translators' daily bulletin of campaigns waiting for their languages (0037). */
  sendTranslatorBulletins: 'send-translator-bulletins',
} as const;

export type JobKind = (typeof jobKinds)[keyof typeof jobKinds];

const address = z.object({ name: z.string(), address: z.string() });
const boundedAddress = z.object({ name: z.string().max(300), address: z.string().max(320) });
/** Recurring jobs carry nothing: each run reads what is due from the database. */
const nothing = z.object({});

const sendEmailPayload = z.object({
  from: address,
  to: z.array(address).min(1),
  replyTo: address.optional(),
  subject: z.string(),
  text: z.string(),
  html: z.string().optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

const signatureMailPayload = z.object({
  signatureId: z.number().int(),
  mail: z.enum(['confirm', 'thank']),
  token: z.string().optional(),
}) satisfies z.ZodType<SignatureMailPayload>;

const accountMailPayload = z.object({
  kind: z.enum(accountMailKinds),
  to: address,
  locale: z.string(),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
  invitedBy: z.string().optional(),
  role: z.enum(roles).optional(),
}) satisfies z.ZodType<AccountMailPayload>;

const issueLinkPayload = z.object({
  purpose: z.enum(['login', 'reset']),
  email: z.string().max(400),
}) satisfies z.ZodType<IssueLinkPayload>;

const campaignRequestMailPayload = z.object({
  kind: z.enum(campaignRequestMailKinds),
  requestId: z.number().int(),
  to: boundedAddress,
  locale: z.string().max(20),
  headline: z.string().max(1_000),
  orgName: z.string().max(1_000),
  message: z.string().max(20_000).optional(),
  campaignPath: z.string().max(300).startsWith('/').optional(),
  replyTo: boundedAddress.optional(),
}) satisfies z.ZodType<CampaignRequestMailPayload>;

const myDataMailPayload = z.object({
  to: z.string().max(320),
  locale: z.string().max(20),
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/),
}) satisfies z.ZodType<MyDataMailPayload>;

const listMailPayload = z.object({
  kind: z.enum(listMailKinds),
  to: z.string().max(320),
  locale: z.string().max(20),
  token: z
    .string()
    .max(1_000)
    .regex(/^[A-Za-z0-9_.-]+$/),
}) satisfies z.ZodType<ListMailPayload>;
const mailingTestPayload = z.object({
  mailingId: z.number().int(),
  locale: z.string().max(20),
  to: boundedAddress,
}) satisfies z.ZodType<MailingTestPayload>;

const deliveryAlertPayload = z.object({ alertId: z.number().int() });
/** The server's answer has its addresses redacted before it is stored here (security/redact-addresses.ts). */
const mailingAlertPayload = z.object({
  mailingId: z.number().int(),
  domain: z.string().max(255),
  reason: z.string().max(500),
});

const buildDossierPayload = z.object({
  dossierId: z.number().int(),
}) satisfies z.ZodType<BuildDossierPayload>;

/** The payload schema of every kind. */
export const jobPayloads = {
  [jobKinds.sendEmail]: sendEmailPayload,
  [jobKinds.sendSignatureMail]: signatureMailPayload,
  [jobKinds.sendAccountMail]: accountMailPayload,
  [jobKinds.issueAccountLink]: issueLinkPayload,
  [jobKinds.sendCampaignRequestMail]: campaignRequestMailPayload,
  [jobKinds.sendMyDataMail]: myDataMailPayload,
  [jobKinds.sendListMail]: listMailPayload,
  [jobKinds.sendDeliveryAlert]: deliveryAlertPayload,
  [jobKinds.sendMailingTest]: mailingTestPayload,
  [jobKinds.sendMailingAlert]: mailingAlertPayload,
  [jobKinds.startScheduledMailings]: nothing,
  [jobKinds.campaignLifecycle]: nothing,
  [jobKinds.expireSignatures]: nothing,
  [jobKinds.reconcileCounts]: nothing,
  [jobKinds.forgetNetworks]: nothing,
  [jobKinds.purgeJobs]: nothing,
  [jobKinds.purgeRetention]: nothing,
  [jobKinds.buildDossier]: buildDossierPayload,
  [jobKinds.purgeDossiers]: nothing,
  [jobKinds.appendSignatureLog]: nothing,
  [jobKinds.sendTranslatorBulletins]: nothing,
} as const satisfies Record<JobKind, z.ZodType>;

export type JobPayload<K extends JobKind> = z.infer<(typeof jobPayloads)[K]>;

/** A job of a known kind, its payload checked against the kind's at compile time, ready for an outbox. */
export function newJob<K extends JobKind>(
  kind: K,
  payload: JobPayload<K>,
): { kind: K; payload: JobPayload<K> } {
  return { kind, payload };
}
