// What the editor's mailing use cases need from storage (db/mailing.repository.ts implements it) and the
// job they write for a test mail. The sender's queue has its own ports (mailing-queue.ports.ts).
import type { ActorRef } from '../account/account.js';
import type {
  Mailing,
  MailingDraft,
  MailingProgress,
  MailingReportLine,
  MailingStatus,
  MailingSummary,
  MailingTexts,
  MailingTranslationState,
} from './mailing.js';
import type { Segment } from './segment.js';

/** The job that mails one language version of a mailing to the editor who asked for it. */
export const sendMailingTestJob = 'send-mailing-test';

export interface MailingTestPayload {
  mailingId: number;
  /** The language version to send (a published translation, or the source text when there is none). */
  locale: string;
  to: { name: string; address: string };
}

/** A move of the state machine, applied only if the mailing is still in one of `from` (no lost race). */
export interface MailingMove {
  from: readonly MailingStatus[];
  to: MailingStatus;
  /** For `scheduled`: when the send starts. */
  scheduledAt?: number;
}

export type SaveOutcome = 'saved' | 'locked' | 'unknown';

/** The language version one reader gets: theirs when published, else the source (isFallback). */
export interface MailingVersion extends MailingTexts {
  mailingId: number;
  kind: Mailing['kind'];
  campaignId: number | null;
  locale: string;
  isFallback: boolean;
}

export interface SegmentOptions {
  lists: { locale: string; subscribed: number }[];
  partners: { id: number; name: string }[];
}

export interface MailingStore {
  list(): Promise<MailingSummary[]>;
  find(id: number): Promise<Mailing | undefined>;
  create(draft: MailingDraft, actor: ActorRef, now: number): Promise<number>;
  /** Saves the draft while it is editable; the revision goes up only when the source texts changed. */
  update(id: number, draft: MailingDraft, actor: ActorRef, now: number): Promise<SaveOutcome>;
  /** How many people the segment reaches now (the same query the send materialises). */
  countSegment(segment: Segment, now: number): Promise<number>;
  /** A conditional status change (pause, resume, cancel, schedule); false when the mailing was not in `from`. */
  move(id: number, move: MailingMove, actor: ActorRef | null, now: number): Promise<boolean>;
  /**
   * Starts the send: the status becomes `sending` and the segment's members become queued recipients, in
   * one transaction. Undefined when the mailing was not in `from`; else the number of recipients.
   */
  start(
    id: number,
    from: readonly MailingStatus[],
    actor: ActorRef | null,
    now: number,
  ): Promise<number | undefined>;
  /** Scheduled mailings whose time has come, oldest first. */
  dueScheduled(now: number): Promise<number[]>;
  progress(id: number): Promise<MailingProgress>;
  report(id: number): Promise<MailingReportLine[]>;
  translations(id: number): Promise<MailingTranslationState[]>;
  /** What the segment form offers: the lists with their subscribers, the partner organisations by name. */
  segmentOptions(): Promise<SegmentOptions>;
  /** Writes the test mail's job. */
  queueTest(payload: MailingTestPayload, actor: ActorRef, now: number): Promise<void>;
  /** Paused receiving domains (mail_domains) holding queued recipients of this mailing, oldest pause first. */
  pausedDomains(id: number): Promise<PausedDomain[]>;
  /** Lifts a domain's pause (audited, its alerts resolved); false when it was not paused. */
  resumeDomain(domain: string, actor: ActorRef, now: number): Promise<boolean>;
}

/** A receiving domain that refused us by policy, and the recipients of one mailing waiting for it. */
export interface PausedDomain {
  domain: string;
  pausedAt: number;
  /** The server's answer that paused it. */
  reason: string;
  waiting: number;
}

export interface MailingVersionReader {
  version(mailingId: number, locale: string): Promise<MailingVersion | undefined>;
}
