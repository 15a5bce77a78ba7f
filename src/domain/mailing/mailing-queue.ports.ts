// What the mailing sender (jobs/mailing/sender.ts) needs from storage (db/mailing-queue.store.ts implements
// it) and the shapes it passes. The queue is `mailing_recipients`, one row per recipient, on disk:
//
//   queued ──reserve──▶ queued+lease ──start──▶ sending ──outcome──▶ sent | failed | bounced
//     ▲   (skipped: failed 'suppressed'/'unsubscribed')     │ retry / domain paused: queued again
//     └── lease ran out (nothing was sent) ◀────────────────┘ lease ran out: failed 'interrupted' (never resent)
//
// A reserved row is still `queued` (its lease only keeps other workers off it while its mail is built);
// `sending` is written, durably, just before its SMTP transaction starts. So a killed worker leaves behind
// only the rows whose transaction had started and whose outcome was not yet written: those alone are
// ambiguous (decision 0020).

export interface SendingMailing {
  id: number;
  /** Messages a second for this mailing; null: the configured default. */
  ratePerSecond: number | null;
}

export interface MailingTexts {
  subject: string;
  preheader: string;
  bodyMd: string;
}

/** A mailing's texts: the source, and each published translation by locale. */
export interface MailingContent {
  id: number;
  campaignId: number | null;
  sourceLocale: string;
  source: MailingTexts;
  translations: Map<string, MailingTexts>;
  /** The languages of the recipients still to be sent to: each needs its version compiled. */
  recipientLocales: string[];
}

/** Another live campaign as a mailing lists it: its headline in the asked language, or its source's. */
export interface LiveCampaign {
  slug: string;
  /** The language of the page the link opens. */
  locale: string;
  headline: string;
}

/** A queue row reserved for this worker, with what its mail needs. */
export interface ReservedRecipient {
  id: number;
  mailingId: number;
  supporterId: number;
  locale: string;
  email: string;
  name: string;
  attempts: number;
}

export type RecipientOutcome =
  | { id: number; result: 'sent' }
  /** The address does not exist: the row is bounced and the address suppressed. */
  | { id: number; result: 'bounced'; reason: string }
  /** Permanent for this message (or tried too often). */
  | { id: number; result: 'failed'; reason: string }
  /** The server may have taken it: failed with the reason, never resent (decision 0020). */
  | { id: number; result: 'unknown'; reason: string }
  /** Temporary: queued again for `retryAt`; `domain` backs off (slowed to one connection on 451 4.7.500). */
  | { id: number; result: 'retry'; reason: string; retryAt: number; domain: string; slowDown: boolean }
  /** A policy block: queued again, the attempt not counted, the domain paused until an editor resumes it. */
  | { id: number; result: 'held'; reason: string; domain: string };

/** Destination domains the delivery code keeps in `mail_domains`: paused, backing off, or slowed. */
export interface DomainLimits {
  /** Paused, or throttled until a time still to come: nothing is sent to them now. */
  closed: Set<string>;
  /** A concurrency lowered for the domain (451 4.7.500 sets 1). */
  concurrency: Map<string, number>;
}

export interface TickInput {
  workerId: string;
  now: number;
  leaseUntil: number;
  /** Outcomes of finished sends, written first. */
  outcomes: RecipientOutcome[];
  /** Reserved rows whose SMTP transaction is about to start. */
  start: number[];
  /** Rows to reserve ahead, when given. */
  reserve?: { mailingId: number; limit: number; closedDomains: string[] };
}

export interface TickResult {
  /** Of `start`, the rows still this worker's and of a mailing still sending: only these may be sent. */
  started: number[];
  reserved: ReservedRecipient[];
  /** Reserved rows not mailed because the address is suppressed or the person left the list since. */
  skipped: number;
}

export interface MailingQueue {
  /** Mailings with status `sending`, oldest first. */
  sendingMailings(): Promise<SendingMailing[]>;
  content(mailingId: number): Promise<MailingContent | undefined>;
  /** Live campaigns other than `exclude`, newest first, in `locale` where published, else their source. */
  liveCampaigns(locale: string, exclude: number | null, limit: number): Promise<LiveCampaign[]>;
  domainLimits(now: number): Promise<DomainLimits>;
  /** One transaction: outcomes, then the start of `start`, then a reservation. */
  tick(input: TickInput): Promise<TickResult>;
  /** Gives reserved (never started) rows back to the queue. */
  release(ids: number[], workerId: string): Promise<void>;
  /** Extends the lease of rows this worker holds (reserved or sending). */
  renewLeases(ids: number[], workerId: string, until: number): Promise<void>;
  /** Rows left `sending` by a worker whose lease ran out: failed 'interrupted', returned for the log. */
  recoverAbandoned(now: number): Promise<number[]>;
  /** Marks the mailing `sent` when no row is queued or sending; true when it did. */
  finishDrained(mailingId: number, now: number): Promise<boolean>;
}
