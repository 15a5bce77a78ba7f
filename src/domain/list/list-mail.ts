// The mails of the supporters' side of the lists: the double opt-in of a sign-up, and the link that proves
// a new address before it replaces the old one. Both carry a one-time token only as long as the job lives
// (jobs/payload-redaction.ts drops it, and the address, when the job ends).
export const sendListMailJob = 'send-list-mail';

export const listMailKinds = ['confirm-signup', 'confirm-address'] as const;
export type ListMailKind = (typeof listMailKinds)[number];

export interface ListMailPayload {
  kind: ListMailKind;
  to: string;
  /** The language of the page it was asked from: the mail's language and its link's. */
  locale: string;
  token: string;
}

/** The version of the list consent texts (`list.consent.label`); bump it when their meaning changes. */
export const listConsentVersion = 'list-2026-12';

/** How long an address-change link stays good. */
export const addressChangeMs = 2 * 86_400_000;
