// Delivery of supporters' messages to targets: the states of one message and the rules that move it.
//
//            claim (slot free)           250 accepted
//   queued ─────────────────▶ sending ──────────────────▶ sent
//     ▲  ▲                     │  │ │
//     │  │   4xx, network      │  │ └─ drop after DATA / worker died mid-send ──▶ unknown (never resent blindly)
//     │  └──── deferred ◀──────┘  │
//     │        (backoff; gives up │ 5.1.x ──▶ bounced, and the address's other messages ──▶ held
//     │         after N days ──▶ failed)      held ──(editor replaces the address)──▶ queued
//     │                           │ 5.7.x ──▶ queued again, and the destination domain is paused
//     └── (5.7.x) ────────────────┘ other 5xx ──▶ failed
//   queued ──(gathered into a digest when the cap is exceeded)──▶ digested (the digest row is a message too)
//
// A message's row is written before the SMTP transaction starts (sending, with a lease) and after it ends,
// so a killed worker leaves at most its in-flight messages as `unknown`, never a duplicate.

import { type CampaignTexts, type CampaignWithContent, chooseTexts } from '../campaign/campaign.js';
import { trimEndWhile } from '../shared/trim.js';

/** A message's status (the diagram above); only its type is needed, the database checks the values. */
export type MessageStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'deferred'
  | 'held'
  | 'bounced'
  | 'failed'
  | 'unknown'
  | 'digested';

/** Statuses the dispatcher may pick up. */
export const sendableStatuses = ['queued', 'deferred'] as const satisfies readonly MessageStatus[];

/** Office hours in the target's own time zone: ISO weekdays (1 = Monday … 7 = Sunday) and HH:MM bounds. */
export interface OfficeHours {
  days: number[];
  start: string;
  end: string;
}

/** Defaults that config can override. */
export interface DeliveryPolicy {
  /** Sends at once to one destination domain. */
  domainConcurrency: number;
  /** First retry delay after a temporary failure; doubles each time. */
  retryBaseMs: number;
  retryMaxMs: number;
  /** A message still failing temporarily this long after it was queued is given up (`failed`). */
  giveUpAfterMs: number;
  /** Extra random delay added to each pacing interval, as a fraction of it (0.2 = up to 20 %). */
  jitter: number;
}

export const defaultDeliveryPolicy: DeliveryPolicy = {
  domainConcurrency: 2,
  retryBaseMs: 60_000,
  retryMaxMs: 2 * 3_600_000,
  giveUpAfterMs: 5 * 86_400_000,
  jitter: 0.2,
};

/** The status a supporter sees for one of their messages. */
export type SupporterView = 'delivered' | 'waiting' | 'held' | 'not_delivered' | 'uncertain' | 'petition';

export function supporterView(status: MessageStatus, digestSent: boolean): SupporterView {
  switch (status) {
    case 'sent':
      return 'delivered';
    case 'digested':
      return digestSent ? 'delivered' : 'waiting';
    case 'bounced':
    case 'failed':
      return 'not_delivered';
    // The target's address bounced: the message waits for the campaign team to find a new one, not for
    // its turn, and saying "on its way" would be untrue.
    case 'held':
      return 'held';
    case 'unknown':
      return 'uncertain';
    default:
      return 'waiting';
  }
}

/** The lower-cased domain of an address (`Minister@MFA.example.org` → `mfa.example.org`). */
export function addressDomain(address: string): string {
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * The sender of every letter of a campaign: MAIL_FROM's mailbox with the campaign as a `+tag`, on its
 * domain (`campaigns+free-erlan@outcry.example.org`). Real letters and editors' test messages alike.
 */
export function campaignSender(mailFrom: string, slug: string): string {
  const at = mailFrom.lastIndexOf('@');
  return `${mailFrom.slice(0, at)}+${slug.slice(0, 40)}@${addressDomain(mailFrom)}`;
}

/**
 * The texts a target's letter is written from: the target's language when the campaign has a published
 * translation in it, otherwise the supporter's (the letter then needs no second language).
 */
export function letterTexts(
  campaign: Pick<CampaignWithContent, 'translations' | 'sourceLocale'>,
  targetLocale: string | null,
  supporterLocale: string,
): CampaignTexts | undefined {
  const forTarget = targetLocale ? chooseTexts(campaign, targetLocale) : undefined;
  if (forTarget && !forTarget.isFallback) return forTarget.texts;
  return chooseTexts(campaign, supporterLocale)?.texts;
}

/**
 * The line a letter opens with: the salutation of the letter's texts ("Dear Minister,"), unless there is
 * none or the supporter's own words already open with it (a letter never greets its reader twice).
 */
export function letterSalutation(texts: CampaignTexts, message: string): string | undefined {
  const salutation = texts.targetSalutation?.trim();
  if (!salutation) return undefined;
  const fold = (s: string) => s.normalize('NFC').toLowerCase();
  // "Dear Minister," and "Dear Minister" (no comma) count as the same opening.
  const opening = trimEndWhile(fold(salutation), (c) => /^[\s\p{P}]$/u.test(c));
  return fold(message.trimStart()).startsWith(opening) ? undefined : salutation;
}

/** Same language, ignoring region (`pt-BR` and `pt` need no translation for each other). */
export function sameLanguage(a: string, b: string): boolean {
  return a.split('-')[0]!.toLowerCase() === b.split('-')[0]!.toLowerCase();
}
