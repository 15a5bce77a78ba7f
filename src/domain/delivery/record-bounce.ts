// Bounces that arrive later by mail: a relay accepted a target message (so it is `sent`, or `unknown`) and
// then could not deliver it. The report names the message through its VERP address; this use case decides
// what that report means, with the same consequences as the synchronous SMTP answer (smtp-outcome.ts):
//
//   permanent 5.1.x for the message's address ──▶ message bounced, every target on that address bounced,
//                                                  their waiting messages held, editors alerted
//   permanent 5.7.x ──▶ message back to queued, destination domain paused, editors alerted (once)
//   other permanent (and a relay that gave up, 4.x.x "failed") ──▶ message failed
//   4.x.x "delayed" ──▶ the message's last error, nothing else
//   auto-replies, read receipts, "delivered"/"relayed" reports, another mailbox's failure (a forward at the
//   target's side: the target did receive it), a report about an earlier send of the row ──▶ ignored
//
// Only `sent` and `unknown` messages change, and only once: the store applies each change on that condition
// in one transaction, so the same report twice (or two workers at once) has one effect.

/** RFC 3464 actions. */
export type BounceAction = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** What a report says about one recipient. */
export interface BounceRecipient {
  action: BounceAction;
  /** The enhanced status code (`5.1.1`), or null when the report gave none. */
  status: string | null;
  /** The remote server's words (`smtp; 550 5.1.1 <x>: User unknown`), as the report gave them. */
  diagnostic: string | null;
  /** Lower-cased address the report is about, or null when it names none. */
  finalRecipient: string | null;
  /** The address as first given (ORCPT), when the report carries it. */
  originalRecipient: string | null;
}

/** A received message, read (mail/bounce-parse.ts): a delivery report, or something to ignore. */
export type BounceReport =
  | {
      kind: 'report';
      /** A standard RFC 3464 report, or the common free-text forms. */
      format: 'dsn' | 'text';
      recipients: BounceRecipient[];
      /** The Message-ID of the returned message, when the report carries its headers. */
      originalMessageId: string | null;
    }
  /**
   * An RFC 5965 feedback report (a complaint a mailbox provider forwards when a person marks our mail as
   * spam): it names the message by the original's envelope sender, not by the address it came to.
   */
  | {
      kind: 'complaint';
      /** `abuse`, `fraud`, `not-spam`, … as the report says, lower-cased; null when it says nothing. */
      feedbackType: string | null;
      /** Envelope senders of the original: Original-Mail-From, then the embedded headers' Return-Path. */
      originalSenders: string[];
      originalMessageId: string | null;
    }
  | { kind: 'auto-reply' }
  | { kind: 'other'; why: string };

/** The message a verified VERP address names, as the store has it. */
export interface BouncedMessage {
  id: number;
  status: string;
  /** The address it was sent to (a target may since have been given another). */
  toAddress: string | null;
  messageIdHeader: string | null;
}

export type BounceEffect = 'bounce' | 'pause-domain' | 'fail' | 'delay';

export interface BounceChange {
  messageId: number;
  effect: BounceEffect;
  /** For the message's last error, the target's and the editors' alert (one line, bounded). */
  reason: string;
  /** The address the message went to; `bounce` marks every target on it, `pause-domain` pauses its domain. */
  address: string;
  now: number;
}

/** Storage for bounces (db/bounce.repository.ts). */
export interface BounceStore {
  messageForBounce(id: number): Promise<BouncedMessage | undefined>;
  /**
   * Applies the change in one transaction if the message is still `sent` or `unknown` (for `delay`: and its
   * last error differs); false when it was not (already recorded).
   */
  applyBounce(change: BounceChange): Promise<boolean>;
}

export interface RecordBounceDeps {
  bounces: BounceStore;
  clock: { now(): number };
}

export type IgnoredBounce =
  | 'auto_reply'
  | 'not_a_bounce'
  | 'unknown_message'
  | 'other_recipient'
  | 'earlier_send'
  | 'not_a_failure'
  | 'not_sent'
  | 'already_recorded';

export type RecordBounceResult =
  | { status: 'applied'; messageId: number; effect: BounceEffect; reason: string }
  | { status: 'ignored'; messageId: number; reason: IgnoredBounce };

/** Statuses whose message a relay may have accepted, so a later report can still change them. */
export const bounceableStatuses = ['sent', 'unknown'] as const;

const enhanced = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;

/** The class and subject of an enhanced status code (`5.1.10` → 5, 1), or null. */
export function statusParts(status: string | null): { cls: number; subject: number } | null {
  const m = status ? enhanced.exec(status) : null;
  return m ? { cls: Number(m[1]), subject: Number(m[2]) } : null;
}

/** What one recipient's report means for the message; null when it means nothing (a success report). */
export function classifyBounce(r: BounceRecipient): BounceEffect | null {
  if (r.action === 'delivered' || r.action === 'relayed' || r.action === 'expanded') return null;
  const code = statusParts(r.status);
  // A delay is never final, whatever code it quotes: the relay is still trying.
  if (r.action === 'delayed') return 'delay';
  // Failed: permanent codes as smtp-outcome.ts; a relay that gave up after retrying (4.x.x) failed the message.
  if (code?.cls === 5 && code.subject === 1) return 'bounce';
  if (code?.cls === 5 && code.subject === 7) return 'pause-domain';
  return 'fail';
}

/**
 * The line editors and the message row keep: the server's words (one line, no control or direction
 * characters: they come from strangers and end up in editors' mail), with the status code in front when
 * the words do not carry it.
 */
export function bounceReason(r: BounceRecipient): string {
  const clean = (s: string) =>
    s
      .replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  const diagnostic = clean((r.diagnostic ?? '').replace(/^\s*[a-z][\w-]*\s*;\s*/i, ''));
  const status = r.status ? clean(r.status) : '';
  let text = diagnostic;
  if (!text) text = status || r.action;
  else if (status && !text.includes(status)) text = `${status} ${text}`;
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

/**
 * What a report says about the one address a message went to: its gravest statement (a report can carry a
 * delay and then the failure). A block about another mailbox is a forward at the recipient's side failing:
 * the address itself received the message.
 */
export function gravestAbout(
  recipients: BounceRecipient[],
  address: string,
): { r: BounceRecipient; effect: BounceEffect } | 'other_recipient' | 'not_a_failure' {
  const about = recipients.filter(
    (r) =>
      (r.finalRecipient === null && r.originalRecipient === null) ||
      r.finalRecipient === address ||
      r.originalRecipient === address,
  );
  if (about.length === 0) return 'other_recipient';
  const rank: Record<BounceEffect, number> = { bounce: 4, 'pause-domain': 3, fail: 2, delay: 1 };
  let chosen: { r: BounceRecipient; effect: BounceEffect } | null = null;
  for (const r of about) {
    const effect = classifyBounce(r);
    if (effect && (!chosen || rank[effect] > rank[chosen.effect])) chosen = { r, effect };
  }
  return chosen ?? 'not_a_failure';
}

const ourMessageId = /^<outcry\.(\d+)\.[0-9a-z]+@/i;

/** Applies one received report to the message its VERP address names. */
export async function recordBounce(
  deps: RecordBounceDeps,
  input: { messageId: number; report: BounceReport },
): Promise<RecordBounceResult> {
  const { messageId, report } = input;
  const ignored = (reason: IgnoredBounce): RecordBounceResult => ({ status: 'ignored', messageId, reason });
  if (report.kind === 'auto-reply') return ignored('auto_reply');
  if (report.kind !== 'report' || report.recipients.length === 0) return ignored('not_a_bounce');

  const message = await deps.bounces.messageForBounce(messageId);
  if (!message?.toAddress) return ignored('unknown_message');

  // Our Message-IDs name the row and the send (`<outcry.<id>.<token>@…>`, new each claim): a report about
  // an earlier send of this row, or about another row, changes nothing. A relay that rewrote the Message-ID
  // leaves nothing to compare, and then the VERP address alone decides.
  const original = report.originalMessageId ? ourMessageId.exec(report.originalMessageId) : null;
  if (
    original &&
    (Number(original[1]) !== message.id || report.originalMessageId !== message.messageIdHeader)
  )
    return ignored('earlier_send');

  const address = message.toAddress.toLowerCase();
  const chosen = gravestAbout(report.recipients, address);
  if (chosen === 'other_recipient' || chosen === 'not_a_failure') return ignored(chosen);
  if (!(bounceableStatuses as readonly string[]).includes(message.status)) {
    return ignored(
      message.status === 'bounced' || message.status === 'failed' ? 'already_recorded' : 'not_sent',
    );
  }

  const reason = bounceReason(chosen.r);
  const applied = await deps.bounces.applyBounce({
    messageId: message.id,
    effect: chosen.effect,
    reason,
    address,
    now: deps.clock.now(),
  });
  return applied
    ? { status: 'applied', messageId, effect: chosen.effect, reason }
    : ignored('already_recorded');
}
