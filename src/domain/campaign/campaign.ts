// The campaign as the rest of the system sees it: statuses, texts per language, partners and targets, and
// the rule that picks which language version a visitor reads.
//
//   draft ──► in_review ──► live ──► closed
//                            ▲          │
//                            └─reopen───┘
// (transitions are use cases of the editor issue; public pages show only live and closed campaigns)

import type { PetitionNames } from '../petition/petition.js';

export const campaignStatuses = ['draft', 'in_review', 'live', 'closed'] as const;
export type CampaignStatus = (typeof campaignStatuses)[number];

export const translationStatuses = ['draft', 'in_review', 'published'] as const;
export type TranslationStatus = (typeof translationStatuses)[number];

export const confirmationModes = ['confirm_first', 'immediate'] as const;
export type ConfirmationMode = (typeof confirmationModes)[number];

export const deliveryModes = ['individual', 'digest', 'petition_only'] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

export const targetKinds = ['target', 'copy'] as const;
export type TargetKind = (typeof targetKinds)[number];

/**
 * What a campaign slug in a URL may look like: anything else is answered 404 without a lookup. Looser than
 * the rule a new slug must pass (create-campaign.ts); it only keeps malformed paths away from the stores.
 */
export const slugPattern = /^[a-z0-9][a-z0-9-]{0,119}$/;

export interface CampaignTexts {
  locale: string;
  status: TranslationStatus;
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  targetSubject: string;
  /** The line a letter to a target opens with ("Dear Minister,"); empty or absent for none. */
  targetSalutation?: string;
  /** The photo described for people who cannot see it. */
  photoAlt?: string;
  outcomeMd: string | null;
}

/** A dated update shown on the public page ("12 March: the appeal was rejected"), in one language. */
export interface CampaignUpdate {
  id: number;
  /** YYYY-MM-DD */
  day: string;
  locale: string;
  bodyMd: string;
}

/** The follow-up campaign a closed one points to, with its published headlines. */
export interface CampaignSuccessor {
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  headlines: { locale: string; headline: string }[];
}

export interface Partner {
  name: string;
  url: string | null;
  logoPath: string | null;
}

export interface Target {
  id: number;
  kind: TargetKind;
  name: string;
  organisation: string | null;
  email: string;
  locale: string | null;
  /** Only supporters from these countries write to the target (embassy campaigns); empty: everyone. */
  countries: string[];
}

export interface Campaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  confirmationMode: ConfirmationMode;
  deliveryMode: DeliveryMode;
  goal: number | null;
  moreInfoUrl: string | null;
  photoPath: string | null;
  startsAt: number | null;
  endsAt: number | null;
  closedAt: number | null;
  /** How the public petition shows signers' names. */
  petitionNames: PetitionNames;
}

export interface CampaignWithContent extends Campaign {
  translations: CampaignTexts[];
  partners: Partner[];
  targets: Target[];
  /** Every language's updates, newest first (see updatesFor). */
  updates?: CampaignUpdate[];
  successor?: CampaignSuccessor | null;
}

export const isPublic = (c: Pick<Campaign, 'status'>): boolean =>
  c.status === 'live' || c.status === 'closed';

/**
 * Only published translations are served. The requested language wins when published; otherwise the
 * source text is shown and the page says so (a translation may arrive days after launch).
 */
export function chooseTexts(
  campaign: Pick<CampaignWithContent, 'translations' | 'sourceLocale'>,
  requested: string,
): { texts: CampaignTexts; isFallback: boolean } | undefined {
  const published = campaign.translations.filter((t) => t.status === 'published');
  const exact = published.find((t) => t.locale === requested);
  if (exact) return { texts: exact, isFallback: false };
  const sameLanguage = published.find((t) => t.locale.split('-')[0] === requested.split('-')[0]);
  if (sameLanguage) return { texts: sameLanguage, isFallback: false };
  const source = published.find((t) => t.locale === campaign.sourceLocale) ?? published[0];
  return source ? { texts: source, isFallback: true } : undefined;
}

/** Languages a visitor can switch to: every published translation, source language first. */
export function publishedLocales(
  campaign: Pick<CampaignWithContent, 'translations' | 'sourceLocale'>,
): string[] {
  return campaign.translations
    .filter((t) => t.status === 'published')
    .map((t) => t.locale)
    .sort((a, b) =>
      a === campaign.sourceLocale ? -1 : b === campaign.sourceLocale ? 1 : a.localeCompare(b),
    );
}

/**
 * The updates a page in `locale` shows, newest first: those written in its language; when there are none,
 * those in the source language (news in another language beats no news).
 */
export function updatesFor(
  campaign: Pick<CampaignWithContent, 'updates' | 'sourceLocale'>,
  locale: string,
): CampaignUpdate[] {
  const all = [...(campaign.updates ?? [])].sort((a, b) =>
    a.day === b.day ? b.id - a.id : a.day < b.day ? 1 : -1,
  );
  const own = all.filter((u) => u.locale === locale);
  return own.length > 0 ? own : all.filter((u) => u.locale === campaign.sourceLocale);
}

/** The successor's headline for a page in `locale`, chosen like the page's own texts; undefined if unpublished. */
export function successorHeadline(
  successor: CampaignSuccessor,
  locale: string,
): { headline: string; locale: string } | undefined {
  const h = successor.headlines;
  return (
    h.find((x) => x.locale === locale) ??
    h.find((x) => x.locale.split('-')[0] === locale.split('-')[0]) ??
    h.find((x) => x.locale === successor.sourceLocale) ??
    h[0]
  );
}

/**
 * What a public page of the campaign shows about language: the texts chosen for `requested` (see
 * chooseTexts), whether they are a fallback, and the languages a visitor can switch to.
 */
export function inLanguage<C extends Pick<CampaignWithContent, 'translations' | 'sourceLocale'>>(
  campaign: C,
  requested: string,
): { campaign: C; texts: CampaignTexts; isFallback: boolean; locales: string[] } | undefined {
  const chosen = chooseTexts(campaign, requested);
  return chosen && { campaign, ...chosen, locales: publishedLocales(campaign) };
}

/**
 * What an editor's form on a campaign comes to: `Done` once stored, else no such campaign (any more), or the
 * fields' errors with nothing stored.
 */
export type CampaignFormResult<Done, Errors> =
  | Done
  | { status: 'not_found' }
  | { status: 'invalid'; errors: Errors };
