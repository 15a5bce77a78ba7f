// The one way mail about our mail gets in, for both doors (the `outcry bounce` pipe command and the SMTP
// listener): check that the address it came to is ours (its MAC), read the message once, and hand it to the
// use case the address names:
//
//   bounces+<id>-<mac>@…     a target letter's bounce              ──▶ recordBounce
//   bounces+r<id>-<mac>@…    a mailing recipient's bounce          ──▶ recordSupporterBounce
//                            … or a complaint (feedback report)    ──▶ recordComplaint
//   unsubscribe+<token>@…    a mailing's mailto List-Unsubscribe   ──▶ unsubscribeByMail
//   bounces@…                the feedback-loop address: complaints only, naming the recipient by the
//                            original's envelope sender
//
// An address whose MAC does not verify changes nothing, ever.

import { type BounceStore, type RecordBounceResult, recordBounce } from '../domain/delivery/record-bounce.js';
import { type ComplaintResult, recordComplaint } from '../domain/delivery/record-complaint.js';
import {
  recordSupporterBounce,
  type SupporterBounceResult,
  type SupporterMailStore,
} from '../domain/delivery/supporter-bounce.js';
import { type UnsubscribeByMailResult, unsubscribeByMail } from '../domain/delivery/unsubscribe-by-mail.js';
import { parseBounceAddress, parseRecipientBounceAddress } from '../security/bounce-address.js';
import { parseListToken } from '../security/list-token.js';
import { redactAddresses } from '../security/redact-addresses.js';
import { bounceMaxBytes, parseMessage, readBounce, verpCandidates } from './bounce-parse.js';

export interface ReceiveBounceDeps {
  bounces: BounceStore;
  supporterMail: SupporterMailStore;
  clock: { now(): number };
  /** APP_SECRET: the key of the VERP addresses' and list tokens' MACs. */
  secret: string;
}

/** One of the addresses we take mail at, as its MAC verified. */
export type OurAddress =
  | { kind: 'message'; id: number }
  | { kind: 'recipient'; id: number }
  | { kind: 'unsubscribe'; supporterId: number }
  | { kind: 'feedback' };

export type ReceiveResult =
  | RecordBounceResult
  | SupporterBounceResult
  | ComplaintResult
  | UnsubscribeByMailResult
  /** Mail at the feedback address that is not a complaint about a mailing recipient of ours. */
  | { status: 'ignored'; reason: 'not_a_complaint' };

export type ReceiveOutcome =
  /** No address given (or, without one, in the message's headers) is one of ours. */
  | { status: 'not_ours' }
  /** Larger than bounceMaxBytes: not read. */
  | { status: 'too_large' }
  | { status: 'done'; results: ReceiveResult[] };

const unsubscribeAddress = /^unsubscribe\+([^@]{1,60})@/i;
const feedbackAddress = /^bounces@[a-z0-9.-]{1,253}$/i;

/** What an address stands for, or null when it is not one of ours (or its MAC does not verify). */
export function ourAddress(address: string, secret: string): OurAddress | null {
  const a = address.trim();
  const message = parseBounceAddress(a, secret);
  if (message !== null) return { kind: 'message', id: message };
  const recipient = parseRecipientBounceAddress(a, secret);
  if (recipient !== null) return { kind: 'recipient', id: recipient };
  const token = unsubscribeAddress.exec(a)?.[1];
  const supporterId = token === undefined ? null : parseListToken(token, secret);
  if (supporterId !== null) return { kind: 'unsubscribe', supporterId };
  return feedbackAddress.test(a) ? { kind: 'feedback' } : null;
}

/** The given addresses that are ours, without duplicates. */
export function ourAddresses(addresses: string[], secret: string): OurAddress[] {
  const out: OurAddress[] = [];
  const seen = new Set<string>();
  for (const address of addresses.slice(0, 50)) {
    const found = ourAddress(address, secret);
    const key = found && JSON.stringify(found);
    if (found && key && !seen.has(key)) {
      seen.add(key);
      out.push(found);
    }
  }
  return out;
}

/**
 * Applies one received message. `recipients` are the envelope recipients when the caller knows them
 * (SMTP RCPT TO, the pipe's argument); otherwise the message's Delivered-To, X-Original-To and To decide.
 * Storage errors propagate: the caller answers "try again later".
 */
export async function receiveBounce(
  deps: ReceiveBounceDeps,
  input: { raw: Buffer; recipients: string[] },
): Promise<ReceiveOutcome> {
  let addresses = ourAddresses(input.recipients, deps.secret);
  if (input.recipients.length > 0 && addresses.length === 0) return { status: 'not_ours' };
  if (input.raw.length > bounceMaxBytes) return { status: 'too_large' };
  const parsed = await parseMessage(input.raw);
  if (input.recipients.length === 0 && parsed) addresses = ourAddresses(verpCandidates(parsed), deps.secret);
  const report = parsed ? readBounce(parsed) : { kind: 'other' as const, why: 'unreadable message' };
  // A complaint names the mailing recipient by the original's envelope sender, wherever it was sent.
  if (report.kind === 'complaint') {
    const named = ourAddresses(report.originalSenders, deps.secret).filter((a) => a.kind === 'recipient');
    for (const a of named) {
      if (!addresses.some((b) => b.kind === 'recipient' && b.id === a.id)) addresses.push(a);
    }
  }
  if (addresses.length === 0) return { status: 'not_ours' };

  const { clock } = deps;
  const results: ReceiveResult[] = [];
  for (const address of addresses) {
    switch (address.kind) {
      case 'message':
        results.push(await recordBounce(deps, { messageId: address.id, report }));
        break;
      case 'recipient':
        results.push(
          report.kind === 'complaint'
            ? await recordComplaint(deps, { recipientId: address.id, feedbackType: report.feedbackType })
            : await recordSupporterBounce(
                { supporterMail: deps.supporterMail, clock, redact: redactAddresses },
                { recipientId: address.id, report },
              ),
        );
        break;
      case 'unsubscribe':
        results.push(await unsubscribeByMail(deps, { supporterId: address.supporterId }));
        break;
      case 'feedback':
        // Complaints it carries were added above as the recipients they name.
        if (report.kind !== 'complaint' || !addresses.some((a) => a.kind === 'recipient'))
          results.push({ status: 'ignored', reason: 'not_a_complaint' });
        break;
    }
  }
  return { status: 'done', results };
}

/**
 * One line per result, for the pipe's output and the listener's log: ids and outcomes only, never an
 * address or a token.
 */
export function describeResult(r: ReceiveResult): string {
  if ('messageId' in r) {
    return r.status === 'applied'
      ? `message ${r.messageId}: ${r.effect} (${r.reason})`
      : `message ${r.messageId}: ignored (${r.reason})`;
  }
  if ('recipientId' in r) {
    switch (r.status) {
      case 'applied':
        return `recipient ${r.recipientId}: ${r.kind} bounce${r.suppressed ? `, address suppressed (${r.suppressed})` : ''} (${r.reason})`;
      case 'complaint':
        return `recipient ${r.recipientId}: complaint, left ${r.listsLeft} list(s), address suppressed`;
      default:
        return `recipient ${r.recipientId}: ignored (${r.reason})`;
    }
  }
  if ('supporterId' in r) {
    return r.status === 'unsubscribed'
      ? `supporter ${r.supporterId}: unsubscribed by mail, left ${r.listsLeft} list(s)`
      : `supporter ${r.supporterId}: ignored (${r.reason})`;
  }
  return `ignored (${r.reason})`;
}
