// Bounces of supporter mail (mailings to the lists): the report names one `mailing_recipients` row through
// its VERP address (`bounces+r<id>-<mac>@…`), and this module decides what it means for that row and for
// the person's address. We keep our own lists, so a bouncing address is suppressed (never mailed again, the
// reason shown to editors), never deleted:
//
//   5.1.x (no such mailbox)          ──▶ row bounced; address suppressed at once      (hard_bounce)
//   other failure (full, 4.x.x gave up, no code) ──▶ row bounced; soft_bounces + 1; the third in a row
//                                                     suppresses the address          (soft_bounces)
//   5.7.x (policy: the domain refuses us, not the address) ──▶ row bounced; the address untouched
//   delayed, delivered, auto-replies, another mailbox's failure ──▶ ignored
//
//   soft_bounces ──(a mailing delivered: the sender's outcome write ends it)──▶ 0
//
// Only a row that was sent (or is being recorded as sent) changes, and only once (`bounced_at`).
import type { BounceRecipient, BounceReport, IgnoredBounce } from './record-bounce.js';
import { bounceReason, classifyBounce, gravestAbout } from './record-bounce.js';

export type SuppressionReason = 'hard_bounce' | 'soft_bounces' | 'complaint';

/** How a failure counts against a supporter's address. */
export type SupporterBounceKind = 'hard' | 'soft' | 'policy';

/** Soft bounces in a row that suppress an address. */
export const softBounceLimit = 3;

/** Rows a late report can still change: sent, or sent but not yet recorded as such (outcomes are batched). */
export const supporterBounceableStatuses = ['sent', 'sending'] as const;

/** The suppression a bounce brings, given the soft bounces in a row counting this one. */
export function suppressionAfter(
  kind: SupporterBounceKind,
  softBouncesInARow: number,
): SuppressionReason | null {
  if (kind === 'hard') return 'hard_bounce';
  if (kind === 'soft' && softBouncesInARow >= softBounceLimit) return 'soft_bounces';
  return null;
}

/** A mailing recipient as a bounce about it needs it. */
export interface BouncedRecipient {
  id: number;
  supporterId: number;
  status: string;
  bouncedAt: number | null;
  complainedAt: number | null;
  /** The supporter's address now, lower-cased (what the mailing went to, unless they changed it since). */
  address: string;
}

export interface SupporterBounceChange {
  recipientId: number;
  supporterId: number;
  kind: SupporterBounceKind;
  /** One line, addresses redacted (it is stored and can reach logs). */
  reason: string;
  now: number;
}

/** Storage for supporter-mail outcomes that arrive by mail (db/supporter-mail-outcome.writer.ts). */
export interface SupporterMailStore {
  recipientForBounce(id: number): Promise<BouncedRecipient | undefined>;
  /**
   * In one transaction, if the row is still bounceable and not bounced: the row bounced, and for hard and
   * soft bounces the supporter's streak and suppression (decided by suppressionAfter). Null when the row
   * had already changed.
   */
  applySupporterBounce(
    change: SupporterBounceChange,
  ): Promise<{ suppressed: SuppressionReason | null } | null>;
  /**
   * In one transaction, if the row has no complaint yet: the complaint noted, the person off every list
   * (leaveLists, via 'complaint') and the address suppressed. Null when it was already recorded.
   */
  applyComplaint(input: { recipientId: number; supporterId: number; now: number }): Promise<{
    listsLeft: number;
  } | null>;
  /** The person off every list (leaveLists, via 'mailto'); null when no such supporter exists. */
  unsubscribeByMail(input: { supporterId: number; now: number }): Promise<{ listsLeft: number } | null>;
}

export type IgnoredSupporterMail =
  | Exclude<IgnoredBounce, 'unknown_message' | 'earlier_send'>
  | 'unknown_recipient'
  | 'not_a_complaint';

export type SupporterBounceResult =
  | {
      status: 'applied';
      recipientId: number;
      kind: SupporterBounceKind;
      suppressed: SuppressionReason | null;
      reason: string;
    }
  | { status: 'ignored'; recipientId: number; reason: IgnoredSupporterMail };

const kindOf = { bounce: 'hard', fail: 'soft', 'pause-domain': 'policy', delay: null } as const;

/** How one recipient block of a report counts against the address: the target classes, renamed. */
export function supporterBounceKind(r: BounceRecipient): SupporterBounceKind | null {
  const effect = classifyBounce(r);
  return effect ? kindOf[effect] : null;
}

/** Applies one received report to the mailing recipient its VERP address names. */
export async function recordSupporterBounce(
  deps: {
    supporterMail: SupporterMailStore;
    clock: { now(): number };
    /** Redacts addresses from a reason before it is stored (security/redact-addresses.ts). */
    redact(text: string): string;
  },
  input: { recipientId: number; report: BounceReport },
): Promise<SupporterBounceResult> {
  const { recipientId, report } = input;
  const ignored = (reason: IgnoredSupporterMail): SupporterBounceResult => ({
    status: 'ignored',
    recipientId,
    reason,
  });
  if (report.kind === 'auto-reply') return ignored('auto_reply');
  if (report.kind !== 'report' || report.recipients.length === 0) return ignored('not_a_bounce');

  const recipient = await deps.supporterMail.recipientForBounce(recipientId);
  if (!recipient) return ignored('unknown_recipient');
  const chosen = gravestAbout(report.recipients, recipient.address);
  if (chosen === 'other_recipient' || chosen === 'not_a_failure') return ignored(chosen);
  const kind = kindOf[chosen.effect];
  if (kind === null) return ignored('not_a_failure');
  if (recipient.bouncedAt !== null || recipient.status === 'bounced') return ignored('already_recorded');
  if (!(supporterBounceableStatuses as readonly string[]).includes(recipient.status))
    return ignored('not_sent');

  const reason = deps.redact(bounceReason(chosen.r));
  const applied = await deps.supporterMail.applySupporterBounce({
    recipientId,
    supporterId: recipient.supporterId,
    kind,
    reason,
    now: deps.clock.now(),
  });
  if (!applied) return ignored('already_recorded');
  return { status: 'applied', recipientId, kind, suppressed: applied.suppressed, reason };
}
