// What delivery needs from storage (db/delivery-dispatch.store.ts and db/delivery-alert.reader.ts implement
// it) and the shapes it passes.
import type { ActorRef } from '../account/account.js';
import type { OfficeHours } from './delivery.js';
import type { SmtpOutcome } from './smtp-outcome.js';

/** A target (one campaign's use of one address) with messages due now. */
export interface SendCandidate {
  targetId: number;
  campaignId: number;
  campaignSlug: string;
  address: string;
  kind: 'target' | 'copy';
  /** Effective messages per hour to this address for this campaign; null means uncapped. */
  cap: number | null;
  officeHours: OfficeHours | null;
  timeZone: string | null;
  deliveryMode: 'individual' | 'digest' | 'petition_only';
  digestIntervalMs: number;
  lastDigestAt: number | null;
  /**
   * Sendable messages due now (queued, or deferred whose retry time has come). Exact only up to cap + 1
   * for digest-mode targets (all a digest decision needs); otherwise at least 1.
   */
  waiting: number;
  /** The oldest of them, so the oldest signatures go first across targets sharing an address. */
  oldestMessageId: number;
}

export interface DomainState {
  domain: string;
  concurrency: number | null;
  failures: number;
  throttledUntil: number | null;
  pausedAt: number | null;
}

/** One decision of the planner: send `count` messages of this target now, or one digest. */
export interface SendClaim {
  targetId: number;
  address: string;
  count: number;
  digest: boolean;
  /** The address's next free slot after these sends. */
  nextSendAt: number;
}

/** The supporter half of a letter: what delivery, the test message and the letter templates write it from. */
export interface LetterData {
  name: string;
  unionName: string | null;
  country: string | null;
  message: string;
  /** The signature's interface language. */
  locale: string;
  /** The language of the words sent; null: the default message unchanged (see SignCommand). */
  messageLocale: string | null;
}

/** A message claimed for sending, with everything needed to compose it. */
export interface ClaimedMessage {
  id: number;
  kind: 'signature' | 'digest';
  campaignId: number;
  campaignSlug: string;
  targetId: number;
  target: { name: string; email: string; locale: string | null };
  messageIdHeader: string;
  attempts: number;
  createdAt: number;
  /** The signature (a letter), or every signature a digest carries, oldest first. */
  signatures: (LetterData & { createdAt: number })[];
  /** Reply-To for a letter: the supporter's address once they confirmed it, otherwise null (none). */
  supporterEmail: string | null;
}

export type SendOutcome =
  | { messageId: number; ok: true; domain: string }
  | { messageId: number; ok: false; domain: string; address: string; outcome: SmtpOutcome };

/** How failed sends are retried (backoff from retryBaseMs doubling to retryMaxMs) and when given up. */
export interface RetryPolicy {
  retryBaseMs: number;
  retryMaxMs: number;
  giveUpAfterMs: number;
}

export interface DeliveryStore {
  /** Messages left `sending` by a worker whose lease ran out: they become `unknown`. */
  recoverAbandoned(now: number): Promise<{ id: number; toAddress: string | null }[]>;
  renewLeases(workerId: string, until: number): Promise<void>;
  candidates(now: number): Promise<SendCandidate[]>;
  pacing(addresses: string[]): Promise<Map<string, number>>;
  domains(names: string[]): Promise<Map<string, DomainState>>;
  /**
   * In one transaction: record the outcomes of earlier sends when given (one commit for a round instead
   * of two), then reserve each address's slot and move the messages to `sending`.
   */
  claim(
    claims: SendClaim[],
    ctx: { workerId: string; leaseUntil: number; now: number; messageIdDomain: string },
    record?: { outcomes: SendOutcome[]; policy: RetryPolicy },
  ): Promise<ClaimedMessage[]>;
  /** Claimed messages never started (graceful stop): back to where they were. */
  release(ids: number[]): Promise<void>;
  record(outcomes: SendOutcome[], now: number, policy: RetryPolicy): Promise<void>;
}

/** An alert with what its mail needs, and the people who receive it (active admins and editors). */
export interface AlertMail {
  kind: string;
  detail: string;
  domain: string | null;
  createdAt: number;
  campaignSlug: string | null;
  targetName: string | null;
  targetEmail: string | null;
  recipients: { name: string; email: string; locale: string }[];
}

/** What the alert-mail job reads. */
export interface AlertMailReader {
  alertForMail(id: number): Promise<AlertMail | undefined>;
  /** The people alerts go to: active admins and editors (the roles with `mailings:send` too). */
  alertRecipients(): Promise<AlertMail['recipients']>;
}

export type { ActorRef };

export interface TargetDeliveryRow {
  id: number;
  name: string;
  organisation: string | null;
  email: string;
  kind: 'target' | 'copy';
  status: 'active' | 'paused' | 'bounced';
  pausedAt: number | null;
  bouncedAt: number | null;
  replacedEmail: string | null;
  lastError: string | null;
  /** Messages per status (queued, sent, deferred, held, bounced, unknown, …). */
  counts: Record<string, number>;
  lastAttemptAt: number | null;
  lastSentAt: number | null;
  domainPaused: { reason: string | null; since: number } | null;
}

export interface DeliveryReport {
  campaignId: number;
  slug: string;
  deliveryMode: string;
  targets: TargetDeliveryRow[];
}

/** The editors' side of delivery; every change writes the audit log in its own transaction. */
export interface DeliveryAdmin {
  report(slug: string): Promise<DeliveryReport | undefined>;
  setTargetPaused(
    campaignId: number,
    targetId: number,
    paused: boolean,
    actor: ActorRef,
    now: number,
  ): Promise<boolean>;
  /** New address for a target: held messages are queued for it, future ones go to it. */
  replaceTargetAddress(
    campaignId: number,
    targetId: number,
    email: string,
    actor: ActorRef,
    now: number,
  ): Promise<{ released: number } | undefined>;
  resumeDomain(domain: string, actor: ActorRef, now: number): Promise<boolean>;
  /** Messages whose outcome is unknown, queued again on an editor's decision. */
  resendUnknown(campaignId: number, targetId: number, actor: ActorRef, now: number): Promise<number>;
}
