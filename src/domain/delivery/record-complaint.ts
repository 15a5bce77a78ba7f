// A complaint about a mailing: a mailbox provider forwards an RFC 5965 feedback report when a person marks
// our mail as spam. Whatever they meant by it, they do not want it: they leave every list (their consent
// withdrawn, via 'complaint'), the address is suppressed (reason `complaint`, shown to editors) and the
// mailing's row keeps `complained_at` for the mailing's report. A report that says the mail was *not* spam
// (`not-spam`) changes nothing; the same complaint twice has one effect.
import type { IgnoredSupporterMail, SupporterMailStore } from './supporter-bounce.js';

export type ComplaintResult =
  | { status: 'complaint'; recipientId: number; listsLeft: number }
  | { status: 'ignored'; recipientId: number; reason: IgnoredSupporterMail };

/** Feedback types (RFC 5965 §7.3 and later registrations) that say the person did not want the mail. */
export function isComplaint(feedbackType: string | null): boolean {
  return feedbackType !== 'not-spam';
}

export async function recordComplaint(
  deps: { supporterMail: SupporterMailStore; clock: { now(): number } },
  input: { recipientId: number; feedbackType: string | null },
): Promise<ComplaintResult> {
  const { recipientId } = input;
  if (!isComplaint(input.feedbackType)) return { status: 'ignored', recipientId, reason: 'not_a_complaint' };
  const recipient = await deps.supporterMail.recipientForBounce(recipientId);
  if (!recipient) return { status: 'ignored', recipientId, reason: 'unknown_recipient' };
  if (recipient.complainedAt !== null) return { status: 'ignored', recipientId, reason: 'already_recorded' };
  const applied = await deps.supporterMail.applyComplaint({
    recipientId,
    supporterId: recipient.supporterId,
    now: deps.clock.now(),
  });
  return applied
    ? { status: 'complaint', recipientId, listsLeft: applied.listsLeft }
    : { status: 'ignored', recipientId, reason: 'already_recorded' };
}
