// A person's membership of one language list. One row per person and language; it moves like this:
//
//            sign-up form                 confirm button (POST)
//   (none) ──────────────► pending ──────────────────────────────► subscribed
//      │                     │  ▲                                    │   ▲
//      │ confirmed signature │  │ sign-up form again                  │   │ join / move (preferences),
//      │ with the alerts box │  │                                     │   │ confirmed sign-up, or a
//      └─────────────────────┼──┼────────────────────────────────────►│   │ confirmed signature whose
//                            │  │                                     │   │ box was ticked after leaving
//                            ▼  │            leaveLists               ▼   │
//                         unsubscribed ◄──────────────────────────────────┘
//
// Leaving is always leaveLists (db/list-membership.writes.ts). Nothing but a new, explicit opt-in brings
// an unsubscribed person back: an old ticked box on a signature confirmed later does not.
import { campaignLanguages } from '../campaign/create-campaign.js';
import type { ListMemberStatus } from './list.ports.js';

export type SignatureJoin = 'insert' | 'subscribe' | 'none';

/**
 * What a confirmed signature whose alerts box was ticked does to the list of its language. `consentGivenAt`
 * is when that box was ticked: it only brings back someone who left if it came after they left.
 */
export function signatureJoin(
  existing: { status: ListMemberStatus; unsubscribedAt: number | null } | undefined,
  consentGivenAt: number,
): SignatureJoin {
  if (!existing) return 'insert';
  switch (existing.status) {
    case 'subscribed':
      return 'none';
    case 'pending':
      // Confirming the signature proved the address, which is all the pending sign-up waited for.
      return 'subscribe';
    case 'unsubscribed':
      return existing.unsubscribedAt !== null && consentGivenAt > existing.unsubscribedAt
        ? 'subscribe'
        : 'none';
  }
}

/**
 * The lists a person can join: one per language a campaign can be written in, and the language of the
 * page they are on (a campaign may be translated into any language).
 */
export function listLanguages(pageLocale: string): string[] {
  const all: readonly string[] = campaignLanguages;
  return all.includes(pageLocale) ? [...all] : [...all, pageLocale];
}

/** A language one may ask to join from a page in `pageLocale`. */
export const isListLanguage = (locale: string, pageLocale: string): boolean =>
  listLanguages(pageLocale).includes(locale);
