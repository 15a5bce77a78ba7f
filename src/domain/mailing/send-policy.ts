// The rules of sending a mailing that need no I/O: what an SMTP answer means for a recipient row, how
// often a temporary failure is retried, the reasons written on rows that were not mailed, and the pace.
import { backoffMs, type SmtpOutcome } from '../delivery/smtp-outcome.js';
import type { RecipientOutcome } from './mailing-queue.ports.js';

/** `last_error` of a row skipped at reservation because the address is suppressed (bounces, complaint). */
export const skippedSuppressed = 'suppressed';
/** `last_error` of a row skipped because the person left the list after the queue was made. */
export const skippedUnsubscribed = 'unsubscribed';
/** `last_error` prefix of a row whose send was cut off: it may or may not have arrived. */
export const interruptedReason =
  'interrupted: the sender stopped during the send; it may or may not have been delivered';

export interface MailingSendPolicy {
  /** SMTP transactions a destination domain gets at once (mail_domains.concurrency may lower it). */
  domainConcurrency: number;
  /** Tries before a temporary failure becomes permanent. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const defaultMailingSendPolicy: MailingSendPolicy = {
  domainConcurrency: 2,
  maxAttempts: 5,
  retryBaseMs: 60_000,
  retryMaxMs: 2 * 3_600_000,
};

/** What one SMTP failure does to a recipient row; `attempts` counts this one. */
export function recipientOutcome(
  id: number,
  domain: string,
  failure: SmtpOutcome,
  attempts: number,
  now: number,
  policy: MailingSendPolicy,
): RecipientOutcome {
  switch (failure.action) {
    case 'bounce':
      return { id, result: 'bounced', reason: failure.reason };
    case 'fail':
      return { id, result: 'failed', reason: failure.reason };
    case 'unknown':
      return { id, result: 'unknown', reason: failure.reason };
    case 'pause-domain':
      return { id, result: 'held', reason: failure.reason, domain };
    case 'retry':
      if (attempts >= policy.maxAttempts) {
        return { id, result: 'failed', reason: `gave up after ${attempts} tries: ${failure.reason}` };
      }
      return {
        id,
        result: 'retry',
        reason: failure.reason,
        retryAt: now + backoffMs(attempts, policy.retryBaseMs, policy.retryMaxMs),
        domain,
        slowDown: failure.slowDown,
      };
  }
}

/**
 * The pace of one mailing: a token bucket that fills at `perSecond` and holds at most a tenth of a second
 * of sends (at least one), so a pause in sending never turns into a burst above the rate.
 */
export class SendPace {
  private tokens: number;
  private last: number;
  private readonly burst: number;

  constructor(
    /** Messages a second. */
    readonly perSecond: number,
    now: number,
  ) {
    this.burst = Math.max(1, perSecond / 10);
    this.tokens = this.burst;
    this.last = now;
  }

  /** Sends allowed now (whole), without taking them. */
  available(now: number): number {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    return Math.floor(this.tokens);
  }

  take(n: number): void {
    this.tokens -= n;
  }

  /** Milliseconds until one more send is allowed. */
  waitMs(): number {
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }
}
