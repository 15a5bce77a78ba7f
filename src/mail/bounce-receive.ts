// The one way a received bounce gets in, for both doors (the `outcry bounce` pipe command and the SMTP
// listener): check that the VERP address is ours (its MAC), read the message once, and hand the report to
// recordBounce for each message it names. An address whose MAC does not verify changes nothing, ever.
import { type BounceStore, type RecordBounceResult, recordBounce } from '../domain/delivery/record-bounce.js';
import { parseBounceAddress } from '../security/bounce-address.js';
import { bounceMaxBytes, parseMessage, readBounce, verpCandidates } from './bounce-parse.js';

export interface ReceiveBounceDeps {
  bounces: BounceStore;
  clock: { now(): number };
  /** APP_SECRET: the key of the VERP addresses' MAC. */
  secret: string;
}

export type ReceiveOutcome =
  /** No address given (or, without one, in the message's headers) is a VERP address of ours. */
  | { status: 'not_ours' }
  /** Larger than bounceMaxBytes: not read. */
  | { status: 'too_large' }
  | { status: 'done'; results: RecordBounceResult[] };

/** The message ids of the given addresses whose MAC verifies, without duplicates. */
export function ourMessageIds(addresses: string[], secret: string): number[] {
  const ids: number[] = [];
  for (const address of addresses) {
    const id = parseBounceAddress(address, secret);
    if (id !== null && !ids.includes(id)) ids.push(id);
  }
  return ids;
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
  let ids = ourMessageIds(input.recipients, deps.secret);
  if (input.recipients.length > 0 && ids.length === 0) return { status: 'not_ours' };
  if (input.raw.length > bounceMaxBytes) return { status: 'too_large' };
  const parsed = await parseMessage(input.raw);
  if (ids.length === 0) {
    ids = parsed ? ourMessageIds(verpCandidates(parsed), deps.secret) : [];
    if (ids.length === 0) return { status: 'not_ours' };
  }
  const report = parsed ? readBounce(parsed) : { kind: 'other' as const, why: 'unreadable message' };
  const results: RecordBounceResult[] = [];
  for (const messageId of ids) results.push(await recordBounce(deps, { messageId, report }));
  return { status: 'done', results };
}
