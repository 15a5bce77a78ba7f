// What the campaign request use cases need from storage and from the abuse controls; db/campaign-request.repository.ts and
// security/rate-limiter.ts implement these. Every write that changes a request also writes its audit
// entry and its outbox mail in the same transaction.
import type { ActorRef } from '../account/account.js';
import type { ImageStore } from '../shared/image.ports.js';
import type { RateLimiter } from '../signature/signature.ports.js';
import type { TermsStore } from './partnership-terms.js';
import type { CampaignRequest, RequestStatus, RequestSummary } from './request.js';
import type { RequestInput } from './request-input.js';

export interface NewRequest extends RequestInput {
  contactLocale: string;
  orgLogoPath: string | null;
  photoPath: string | null;
  termsVersionId: number;
  /** The form token's nonce: the same form sent twice makes one request. */
  formNonce: string;
  ipHash: string | null;
}

export type Mail = { kind: string; payload: unknown };
export type { ActorRef };

export interface CampaignRequestStore {
  /** The request already made from this form, if any. */
  findByNonce(nonce: string): Promise<number | undefined>;
  /** Inserts the request, its audit entry and its mails; `duplicate` when the nonce was used meanwhile. */
  create(
    request: NewRequest,
    mails: (id: number) => Mail[],
    now: number,
  ): Promise<{ status: 'created' | 'duplicate'; id: number }>;
  find(id: number): Promise<CampaignRequest | undefined>;
  /** Open requests (oldest first) and the `decidedLimit` most recently decided ones. */
  list(decidedLimit: number): Promise<RequestSummary[]>;
  /** Requests waiting for an editor (the dashboard's figure). */
  countWaiting(): Promise<number>;
  /**
   * Moves the request from one of `from` to `to` with the note, audit entry and mails in one transaction;
   * false (nothing written) when it is no longer in `from`.
   */
  decide(change: {
    id: number;
    from: readonly RequestStatus[];
    to: Extract<RequestStatus, 'changes_requested' | 'declined'>;
    note: string;
    actor: ActorRef;
    now: number;
    mails: Mail[];
  }): Promise<boolean>;
  /** False when the request is no longer open. */
  addEndorsement(
    requestId: number,
    endorsement: { name: string; url: string | null; note: string | null },
    meta: { actor: ActorRef; now: number },
  ): Promise<boolean>;
  /** False when there was no such endorsement on an open request. */
  removeEndorsement(
    requestId: number,
    endorsementId: number,
    meta: { actor: ActorRef; now: number },
  ): Promise<boolean>;
}

export interface SubmitDeps {
  campaignRequests: CampaignRequestStore;
  terms: TermsStore;
  images: ImageStore;
  /** Per keyed IP (and per contact email domain) in a sliding hour. */
  rateLimiter: RateLimiter;
  clock: { now(): number };
}
