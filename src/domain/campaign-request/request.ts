// A union's request for a campaign, from the public form to the editors' decision. The state machine:
//
//                 ask for changes (message mailed)
//               ┌─────────────────┐   ┌──┐ ask again
//               │                 ▼   ▼  │
//    (form) ──► waiting        changes_requested
//               │  │                 │  │
//               │  └──── approve ────┼──┼──► approved   (a draft campaign is created in the same transaction)
//               └─────── decline ────┴──┴──► declined   (the reason is mailed)
//
// Approved and declined are final: a union that wants another try sends a new request. Endorsements by
// other organisations can be recorded while the request is open and become partners on approval.

export const requestStatuses = ['waiting', 'changes_requested', 'approved', 'declined'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/** Statuses in which editors can still act (approve, ask for changes, decline, record endorsements). */
export const openStatuses: readonly RequestStatus[] = ['waiting', 'changes_requested'];

export const isOpen = (status: RequestStatus): boolean => openStatuses.includes(status);

export interface RequestTarget {
  name: string;
  email: string;
}

export interface Endorsement {
  id: number;
  name: string;
  url: string | null;
  /** For the editors only (how and when the endorsement came); never published. */
  note: string | null;
  createdAt: number;
}

export interface CampaignRequest {
  id: number;
  status: RequestStatus;
  /** The language the texts are written in: the draft campaign's source language. */
  locale: string;
  /** The interface language the requester used: every mail to them is in it. */
  contactLocale: string;
  orgName: string;
  orgDescription: string;
  orgWebsite: string | null;
  orgLogoPath: string | null;
  contactName: string;
  contactEmail: string;
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  moreInfoUrl: string | null;
  photoPath: string | null;
  targets: RequestTarget[];
  termsVersion: { id: number; locale: string };
  termsAcceptedAt: number;
  /** The draft campaign made on approval. */
  campaign: { id: number; slug: string } | null;
  /** The last message to the requester (changes asked for, or the reason for declining). */
  decisionNote: string | null;
  decidedAt: number | null;
  endorsements: Endorsement[];
  createdAt: number;
  updatedAt: number;
}

/** One line of the editors' queue. */
export interface RequestSummary {
  id: number;
  status: RequestStatus;
  locale: string;
  orgName: string;
  headline: string;
  createdAt: number;
  decidedAt: number | null;
}

export type CampaignRequestActionResult =
  | { status: 'ok' }
  | { status: 'not_found' }
  /** Someone decided first; nothing was written. */
  | { status: 'wrong_state'; current: RequestStatus };
