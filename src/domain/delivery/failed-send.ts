// What a failed send does to its message, to the signatures a digest carried, to the destination domain and
// to the address: the rule "SMTP outcome → message state" of the diagram in delivery.ts, pure, so the
// writer (db/message-outcome.writer.ts) only turns it into statements.
import type { RetryPolicy } from './delivery.ports.js';
import { backoffMs, type SmtpOutcome } from './smtp-outcome.js';

/** The message as it was claimed (`sending`). */
export interface FailedMessage {
  kind: 'signature' | 'digest';
  /** Attempts so far, this one included. */
  attempts: number;
  createdAt: number;
}

export interface FailedSendEffects {
  /**
   * The message's new status, or `dissolve` for a digest that goes back to its signatures: its row is
   * deleted and each signature waits to be sent again.
   */
  status: 'deferred' | 'failed' | 'unknown' | 'bounced' | 'queued' | 'dissolve';
  /** When a deferred message is due again; null for every other status. */
  nextAttemptAt: number | null;
  /** False when the message is not at fault (a policy block): the attempt is given back. */
  attemptCounts: boolean;
  /** What the signatures a digest carried become; null for a letter, or when they stay in the digest. */
  members: 'held' | 'failed' | 'queued' | null;
  /** The destination domain: its shared timer backs off (`slowDown`: concurrency 1 too), or it is paused. */
  domain: { action: 'back-off'; slowDown: boolean } | { action: 'pause' } | null;
  /** The address bounced: every target on it is marked bounced, its waiting messages held, editors alerted. */
  bounceAddress: boolean;
}

export function failedSendEffects(
  message: FailedMessage,
  outcome: SmtpOutcome,
  now: number,
  policy: RetryPolicy,
): FailedSendEffects {
  const digest = message.kind === 'digest';
  const base = {
    nextAttemptAt: null,
    attemptCounts: true,
    members: null,
    domain: null,
    bounceAddress: false,
  };
  switch (outcome.action) {
    case 'retry': {
      const domain = { action: 'back-off' as const, slowDown: outcome.slowDown };
      if (now - message.createdAt >= policy.giveUpAfterMs)
        return { ...base, status: 'failed', members: digest ? 'failed' : null, domain };
      const nextAttemptAt = now + backoffMs(message.attempts, policy.retryBaseMs, policy.retryMaxMs);
      return { ...base, status: 'deferred', nextAttemptAt, domain };
    }
    case 'unknown':
      return { ...base, status: 'unknown' };
    case 'fail':
      return { ...base, status: 'failed', members: digest ? 'failed' : null };
    case 'bounce':
      return { ...base, status: 'bounced', members: digest ? 'held' : null, bounceAddress: true };
    case 'pause-domain':
      // The message is not at fault: it waits (attempt not counted) until an editor resumes the domain.
      return digest
        ? {
            ...base,
            status: 'dissolve',
            attemptCounts: false,
            members: 'queued',
            domain: { action: 'pause' },
          }
        : { ...base, status: 'queued', attemptCounts: false, domain: { action: 'pause' } };
  }
}
