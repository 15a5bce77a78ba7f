// Creating a draft campaign, the one way a campaign comes into being from the editor area: blank from the
// "New campaign" form (headline, source language, slug), or prefilled when an editor approves a union's
// request (domain/campaign-request/approve-request.ts). Either way the source-language text starts as a draft, the
// slug is unique (made from the headline unless given), and the creation is audited with the campaign.
import type { Actor } from '../account/account.js';
import { oneOf, trimEndWhile, trimWhile } from '../shared/trim.js';
import { type LineResult, normaliseLine } from '../signature/text.js';

export const headlineMax = 200;
export const slugMax = 80;
/** Paths under /campaigns/ and /editor/campaigns/ that a slug must never shadow. */
export const reservedSlugs: ReadonlySet<string> = new Set(['archive', 'new']);
const slugShape = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** A well-formed language tag (en, pt-BR, sr-Latn); which languages exist is not the domain's business. */
const languageTag = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|\d{3}))?$/;

/**
 * The languages offered when a campaign is started or requested, most-used in union campaigns first;
 * anything else can be added later as a translation.
 */
export const campaignLanguages = [
  'en',
  'fr',
  'es',
  'ar',
  'pt',
  'de',
  'ru',
  'tr',
  'id',
  'tl',
  'ko',
  'ja',
  'zh',
  'fa',
  'it',
  'nl',
  'pl',
  'uk',
  'hi',
  'ur',
  'bn',
  'ne',
  'sw',
  'th',
  'vi',
  'ms',
  'el',
  'he',
  'sv',
] as const;

export type CreateCampaignError =
  | 'HeadlineRequired'
  | 'HeadlineTooLong'
  | 'HeadlineInvalid'
  | 'SlugInvalid'
  | 'SlugReserved'
  | 'SlugTaken'
  | 'LanguageInvalid';

export type CreateCampaignField = 'headline' | 'slug' | 'sourceLocale';

export interface DraftPartner {
  name: string;
  url: string | null;
  logoPath: string | null;
  description: string | null;
}

export interface DraftTarget {
  name: string;
  email: string;
}

/** What the store writes: a draft campaign with its source-language text, partners and targets. */
export interface CampaignDraft {
  slug: string;
  sourceLocale: string;
  headline: string;
  backgroundMd: string;
  defaultMessage: string;
  targetSubject: string;
  moreInfoUrl: string | null;
  photoPath: string | null;
  partners: DraftPartner[];
  targets: DraftTarget[];
}

/** An approval that must commit with the campaign, or not at all (the request changed meanwhile). */
export interface ApprovalLink {
  requestId: number;
  /** The request's statuses from which approving is allowed. */
  from: readonly string[];
  /** Outbox rows (the mail to the requester) written in the same transaction. */
  mails: { kind: string; payload: unknown }[];
}

export type DraftOutcome =
  | { status: 'created'; id: number }
  | { status: 'slug_taken' }
  | { status: 'request_changed' };

export interface CampaignDraftStore {
  /** Whether any campaign uses the slug (every status, closed ones too: their pages stay online). */
  slugExists(slug: string): Promise<boolean>;
  /**
   * Writes the campaign, its text, partners, targets and the audit entry in one transaction; with
   * `approving`, also marks the request approved (only from `approving.from`) and queues its mail.
   */
  create(
    draft: CampaignDraft,
    meta: { actor: Pick<Actor, 'id' | 'email'>; now: number; approving?: ApprovalLink },
  ): Promise<DraftOutcome>;
}

export interface CreateCampaignDeps {
  drafts: CampaignDraftStore;
  clock: { now(): number };
}

export interface CreateCampaignInput {
  headline: string;
  sourceLocale: string;
  /** Empty: made from the headline, with -2, -3… when taken. Given: used as is, or refused when taken. */
  slug?: string;
  backgroundMd?: string;
  defaultMessage?: string;
  /** Defaults to the headline. */
  targetSubject?: string;
  moreInfoUrl?: string | null;
  photoPath?: string | null;
  partners?: DraftPartner[];
  targets?: DraftTarget[];
  approving?: ApprovalLink;
}

export type CreateCampaignResult =
  | { status: 'created'; id: number; slug: string }
  | { status: 'invalid'; errors: Partial<Record<CreateCampaignField, CreateCampaignError>> }
  | { status: 'request_changed' };

const hyphen = oneOf('-');

/**
 * A slug from a headline: Latin letters without their accents, digits and hyphens, cut at a word
 * boundary. Headlines in other scripts give nothing here, and the caller falls back to "campaign".
 */
export function slugFromHeadline(headline: string): string {
  const ascii = headline
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-');
  const slug = trimWhile(ascii, hyphen);
  if (slug.length <= slugMax) return slug;
  const cut = slug.slice(0, slugMax + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return trimEndWhile(lastHyphen > 20 ? cut.slice(0, lastHyphen) : slug.slice(0, slugMax), hyphen);
}

function headlineError(result: Extract<LineResult, { ok: false }>): CreateCampaignError {
  return result.error === 'Required'
    ? 'HeadlineRequired'
    : result.error === 'TooLong'
      ? 'HeadlineTooLong'
      : 'HeadlineInvalid';
}

/** The headline as stored, or why it cannot be one (shared with the request form's rules). */
export function readHeadline(text: string): LineResult {
  return normaliseLine(text, { max: headlineMax, required: true });
}

export const isLanguageTag = (tag: string): boolean => languageTag.test(tag);

const maxAttempts = 50;

export async function createCampaign(
  deps: CreateCampaignDeps,
  actor: Pick<Actor, 'id' | 'email'>,
  input: CreateCampaignInput,
): Promise<CreateCampaignResult> {
  const errors: Partial<Record<CreateCampaignField, CreateCampaignError>> = {};
  const headline = readHeadline(input.headline);
  if (!headline.ok) errors.headline = headlineError(headline);
  if (!isLanguageTag(input.sourceLocale)) errors.sourceLocale = 'LanguageInvalid';
  const given = (input.slug ?? '').trim().toLowerCase();
  if (given !== '') {
    if (given.length > slugMax || !slugShape.test(given)) errors.slug = 'SlugInvalid';
    else if (reservedSlugs.has(given)) errors.slug = 'SlugReserved';
  }
  if (!headline.ok || Object.keys(errors).length > 0) return { status: 'invalid', errors };

  const base = given || slugFromHeadline(headline.value) || 'campaign';
  const draft = (slug: string): CampaignDraft => ({
    slug,
    sourceLocale: input.sourceLocale,
    headline: headline.value,
    backgroundMd: input.backgroundMd ?? '',
    defaultMessage: input.defaultMessage ?? '',
    targetSubject: input.targetSubject?.trim() || headline.value,
    moreInfoUrl: input.moreInfoUrl ?? null,
    photoPath: input.photoPath ?? null,
    partners: input.partners ?? [],
    targets: input.targets ?? [],
  });
  const meta = {
    actor,
    now: deps.clock.now(),
    ...(input.approving ? { approving: input.approving } : {}),
  };

  // A slug that is free when checked can be taken by another editor before the insert: the store's
  // unique constraint answers slug_taken and the next candidate is tried.
  for (let n = 1; n <= maxAttempts; n++) {
    if (given !== '' && n > 1) return { status: 'invalid', errors: { slug: 'SlugTaken' } };
    if (n === 1 && reservedSlugs.has(base)) continue;
    const slug = n === 1 ? base : withSuffix(base, n);
    if (await deps.drafts.slugExists(slug)) continue;
    const outcome = await deps.drafts.create(draft(slug), meta);
    if (outcome.status === 'created') return { status: 'created', id: outcome.id, slug };
    if (outcome.status === 'request_changed') return outcome;
  }
  return { status: 'invalid', errors: { slug: 'SlugTaken' } };
}

function withSuffix(base: string, n: number): string {
  const suffix = `-${n}`;
  return `${trimEndWhile(base.slice(0, slugMax - suffix.length), hyphen)}${suffix}`;
}
