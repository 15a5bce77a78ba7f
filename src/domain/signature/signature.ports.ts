// What signing needs from storage and from the abuse controls; db/ and security/ implement these.
import type { SignInput } from './sign-input.js';
import type { SignatureStatus } from './signature.js';

export interface SignCommand {
  campaignId: number;
  /** The interface language: the supporter's mails, lists and counts. */
  locale: string;
  /**
   * The language of the words sent: the campaign text the page showed (its translation, or the source when
   * it fell back). Null when the message is the default one unchanged: those are not the supporter's words.
   */
  messageLocale: string | null;
  input: SignInput;
  status: Extract<SignatureStatus, 'pending' | 'held' | 'confirmed'>;
  ipHash: string | null;
  /** SHA-256 of the confirmation token, when the signature awaits confirmation. */
  tokenHash: string | null;
  token: string | null;
  /** The consent text shown next to the alerts box, recorded verbatim when ticked. */
  consent: { text: string; version: string } | null;
  now: number;
}

export type SignOutcome =
  | { status: 'created'; signatureId: number }
  | { status: 'duplicate'; signatureId: number; confirmationResent: boolean };

/** Records signatures with group commit; rejects with `Overloaded` when its bounded queue is full. */
export interface SignatureWriter {
  record(command: SignCommand): Promise<SignOutcome>;
}

export type ConfirmOutcome =
  | { status: 'confirmed'; signatureId: number; campaignSlug: string; locale: string }
  | { status: 'already'; signatureId: number; campaignSlug: string; locale: string }
  | { status: 'expired' | 'invalid' | 'unknown' };

export interface SignatureConfirmer {
  /** Looks a token up without changing anything (the GET page). */
  peek(
    tokenHash: string,
  ): Promise<
    { status: SignatureStatus; campaignSlug: string; locale: string; createdAt: number } | undefined
  >;
  confirm(tokenHash: string, now: number, expiresAfterMs: number): Promise<ConfirmOutcome>;
}

/** A signature as its confirmation or thank-you mail needs it. */
export interface SignatureForMail {
  id: number;
  status: SignatureStatus;
  locale: string;
  name: string;
  email: string;
  campaignId: number;
  campaignSlug: string;
  sourceLocale: string;
}

/** What the signature-mail job reads when it composes the mail. */
export interface SignatureMailReader {
  forMail(signatureId: number): Promise<SignatureForMail | undefined>;
}

/** The recurring chores over signatures (jobs/tasks/maintain-signatures.task.ts). */
export interface SignatureMaintenance {
  /** Unconfirmed signatures older than the limit are deleted with their personal data; returns how many campaigns had any. */
  expireUnconfirmed(now: number, expiresAfterMs: number): Promise<number>;
  /** Rebuilds every campaign's counts from its signatures: the campaigns whose counts drifted, and by how much. */
  reconcileCounts(): Promise<{ campaignId: number; drift: number }[]>;
  /** Drops the keyed network hash of signatures older than the cutoff; returns how many. */
  forgetNetworks(cutoff: number): Promise<number>;
}

/** Keyed network hashes kept for abuse review (of campaign requests too), dropped once it is over. */
export interface NetworkHashes {
  forgetNetworks(cutoff: number): Promise<number>;
}

/** Counts attempts per key in a sliding hour; `over` when any key is beyond its limit. */
export interface RateLimiter {
  hit(keys: { ip: string; emailDomain: string }, now: number): Promise<{ over: boolean }>;
  /** Whether the next hit from this network would be over its limit; counts nothing. */
  peek(keys: { ip: string }, now: number): Promise<{ over: boolean }>;
}

export class OverloadedError extends Error {
  readonly code = 'Overloaded';
  constructor() {
    super('signature queue is full');
  }
}
