// What the supporters' rights need from storage: the my-data links and sessions, one person's data as
// they may read and download it, withdrawal of a consent, and erasure. db/privacy.repository.ts
// implements it on both databases.
import type { AuditEntry } from '../account/account.ports.js';
import type { MyDataMailPayload } from './my-data-mail.js';

export interface MyDataSignature {
  id: number;
  campaignSlug: string;
  campaignHeadline: string;
  status: string;
  locale: string;
  name: string;
  unionName: string | null;
  country: string | null;
  message: string;
  createdAt: number;
  confirmedAt: number | null;
}

export interface MyDataConsent {
  id: number;
  campaignSlug: string | null;
  scope: string;
  text: string;
  version: string;
  locale: string;
  givenAt: number;
  withdrawnAt: number | null;
}

/** One language list the supporter is or was on, with the words of the consent that put them there. */
export interface MyDataListMembership {
  locale: string;
  status: 'pending' | 'subscribed' | 'unsubscribed';
  source: 'signature' | 'signup' | 'import';
  createdAt: number;
  subscribedAt: number | null;
  unsubscribedAt: number | null;
  consentText: string | null;
}

/** Everything stored about one supporter, as they see it and download it. */
export interface MyData {
  supporter: {
    id: number;
    email: string;
    name: string;
    locale: string;
    country: string | null;
    unionName: string | null;
    createdAt: number;
  };
  signatures: MyDataSignature[];
  consents: MyDataConsent[];
  lists: MyDataListMembership[];
}

/** What one erasure changed: numbers only. */
export interface ErasureCounts {
  signatures: number;
  consentsWithdrawn: number;
  messagesCancelled: number;
}

export type ErasureVia = 'self' | 'editor' | 'retention';

export interface EraseCommand {
  supporterId: number;
  via: ErasureVia;
  now: number;
  /** The keyed hash of a canonical address (HMAC with the app secret), kept in place of the address. */
  keyedHash(canonicalEmail: string): string;
  /** Editors' erasures are audited (`supporter.erased`, counts only) in the same transaction. */
  actor?: AuditEntry['actor'];
}

export interface PrivacyStore {
  /** The supporter with this canonical address, if any (erased ones are not found). */
  findSupporter(canonicalEmail: string): Promise<{ id: number } | undefined>;
  /** Stores a link token's hash (for a known supporter or none) and queues its mail, in one transaction. */
  issueLink(link: {
    tokenHash: string;
    supporterId: number | null;
    expiresAt: number;
    now: number;
    mail: MyDataMailPayload;
  }): Promise<void>;
  /**
   * Uses a link once: when it exists, is unused and unexpired, marks it used and stores a session token's
   * hash for the same supporter (or none), all in one transaction.
   */
  openLink(
    linkHash: string,
    session: { tokenHash: string; expiresAt: number },
    now: number,
  ): Promise<'opened' | 'invalid'>;
  /** A link that could still be opened (the GET page shows its button only then). */
  linkUsable(linkHash: string, now: number): Promise<boolean>;
  /** The session's supporter: `none` for a session opened from an unknown address. */
  session(tokenHash: string, now: number): Promise<{ supporterId: number | null } | undefined>;
  /** Ends a session (after an erasure, the visitor has nothing left to see). */
  endSession(tokenHash: string): Promise<void>;
  data(supporterId: number): Promise<MyData | undefined>;
  /**
   * Withdraws one of the supporter's consents, recording the withdrawal; false when not theirs or gone.
   * A list membership that rests on it ends with it (leaveLists, via `my-data`).
   */
  withdrawConsent(supporterId: number, consentId: number, now: number): Promise<boolean>;
  /** Audits an editor's download of one person's data (`supporter.exported`; no data in the entry). */
  recordExport(supporterId: number, actor: { id: number; email: string }, now: number): Promise<void>;
  /** Erases one supporter in one transaction; undefined when there is nobody (left) to erase. */
  erase(command: EraseCommand): Promise<ErasureCounts | undefined>;
}
