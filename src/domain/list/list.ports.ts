// What the supporters' side of the language lists needs from storage: sign-ups with their double opt-in,
// the preferences behind the signed link in every mailing, and leaving. db/list-member.repository.ts
// implements it on both databases; every write that mails does so through a job in the same transaction.
import type { EmailAddress } from '../signature/email-address.js';
import type { ListMailPayload } from './list-mail.js';

export type ListMemberStatus = 'pending' | 'subscribed' | 'unsubscribed';
export type ListMemberSource = 'signature' | 'signup' | 'import';

/** A consent exactly as shown: the text, its version, the language it was shown in. */
export interface ConsentGiven {
  text: string;
  version: string;
  locale: string;
}

/** One language list a person is (or was) on, with the words of the consent that put them there. */
export interface ListMembership {
  locale: string;
  status: ListMemberStatus;
  source: ListMemberSource;
  subscribedAt: number | null;
  unsubscribedAt: number | null;
  consentText: string | null;
}

/** The person a list token stands for, as their preferences page shows them. */
export interface ListPerson {
  supporterId: number;
  email: string;
  /** For the address-change link: it is only good while the address is still this one. */
  emailCanonical: string;
  name: string;
  locale: string;
  memberships: ListMembership[];
}

export interface SignupCommand {
  email: EmailAddress;
  name: string;
  country: string;
  /** The list asked for. */
  listLocale: string;
  consent: ConsentGiven;
  /** SHA-256 of the token in the confirmation mail. */
  tokenHash: string;
  mail: ListMailPayload;
  now: number;
}

export type ConfirmSignupOutcome =
  | { status: 'confirmed' | 'already'; locale: string; supporterId: number }
  | { status: 'expired' | 'unknown' };

export type AddressChangeOutcome = 'changed' | 'taken' | 'stale';

export interface ListStore {
  /**
   * Records a sign-up in one transaction: the supporter (an existing one keeps their name), the consent,
   * the membership awaiting confirmation (a subscribed one stays subscribed) and the confirmation mail.
   * Suppressed addresses get nothing written and no mail.
   */
  requestSignup(command: SignupCommand): Promise<void>;
  /** The list a sign-up confirmation token is for, without changing anything (the GET page). */
  peekSignup(tokenHash: string): Promise<{ locale: string; status: ListMemberStatus } | undefined>;
  confirmSignup(tokenHash: string, now: number, expiresAfterMs: number): Promise<ConfirmSignupOutcome>;
  /** The person behind a list token; undefined when there is nobody (never was, or erased). */
  person(supporterId: number): Promise<ListPerson | undefined>;
  /** Leaves one list or every list (db/list-membership.writes.ts `leaveLists`); how many were ended. */
  leave(input: { supporterId: number; locale?: string; via: string; now: number }): Promise<number>;
  /** Joins a list at once (the person holds their signed link), with the consent they gave for it. */
  join(input: { supporterId: number; locale: string; consent: ConsentGiven; now: number }): Promise<void>;
  /** Leaves one list and joins another, and makes the new language theirs, in one transaction. */
  move(input: {
    supporterId: number;
    from: string;
    to: string;
    consent: ConsentGiven;
    now: number;
  }): Promise<'moved' | 'not_member'>;
  /** Puts one list mail in the outbox. */
  queueMail(mail: ListMailPayload, now: number): Promise<void>;
  /**
   * Replaces the person's address with one they proved is theirs. `stale` when their address is no longer
   * `fromCanonical`; `taken` when another supporter already has the new canonical address.
   */
  changeAddress(input: {
    supporterId: number;
    fromCanonical: string;
    email: EmailAddress;
    now: number;
  }): Promise<AddressChangeOutcome>;
}

/** The signed links of address changes (security/address-token.ts). */
export interface AddressTokens {
  issue(change: { supporterId: number; fromCanonical: string; address: string; expiresAt: number }): string;
  /** The person and new address a token names, unchecked; null when it is not shaped like one of ours. */
  read(token: string): { supporterId: number; address: string; expiresAt: number } | null;
  /** Whether the token was issued for this person while their address was `fromCanonical`. */
  verify(token: string, fromCanonical: string): boolean;
}
