// A campaign's volunteer translation: one language version of the five translatable texts, with its status,
// the source revision it was made from and the source text of that revision (so "source changed" can show
// what changed). The use cases beside this file move it through its states; this module holds the rules
// they share: who may touch which language, what is stale, what a complete translation is.
//
//   (missing) ──save──► draft ──submit──► in_review ──publish──► published
//                         ▲                   │                     │
//                         └─────send back─────┘                     │
//                         ▲                                         │
//                         └──── a translator saves a changed text ──┘
//
// Reviewers (translations:review: editors and admins) may publish from any state and their saves keep
// the status; a translator's changed text on a published translation goes back to draft (the page says so
// before they save). Stale: the source's revision moved past the one the translation was made from; it
// stays stale, whatever its status, until someone saves it marked "updated to the new source".
import type { Role } from '../account/permissions.js';
import { can } from '../account/permissions.js';
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';
import { textLimits } from '../campaign/edit-campaign.js';
import { normaliseLine, normaliseText } from '../signature/text.js';

export const translatableFields = [
  'headline',
  'backgroundMd',
  'defaultMessage',
  'targetSubject',
  'targetSalutation',
] as const;
export type TranslatableField = (typeof translatableFields)[number];
export type TranslatableTexts = Record<TranslatableField, string>;

/** A cell of the board: no row yet, or the row's status. */
export type BoardStatus = 'missing' | TranslationStatus;

/** The person at work: translators are limited to their languages (null: every language). */
export interface TranslationViewer {
  id: number;
  email: string;
  role: Role;
  languages: readonly string[] | null;
}

export interface StoredTranslation extends TranslatableTexts {
  status: TranslationStatus;
  /** Bumped by every save; the form carries it, so a save made on an older copy is refused. */
  revision: number;
  sourceRevision: number;
  /** The source text at sourceRevision; null for translations saved before snapshots were kept. */
  sourceSnapshot: TranslatableTexts | null;
  reviewNote: string | null;
  updatedAt: number;
  updatedBy: string | null;
}

/** One campaign in one language: the source text and the translation, if any. */
export interface TranslationWork {
  campaignId: number;
  slug: string;
  campaignStatus: CampaignStatus;
  sourceLocale: string;
  source: TranslatableTexts & { revision: number };
  locale: string;
  translation: StoredTranslation | null;
}

/** Outdated when the source moved past the revision the translation was made from (0: made from the first). */
export function isStale(t: Pick<StoredTranslation, 'sourceRevision'>, sourceRevision: number): boolean {
  return Math.max(t.sourceRevision, 1) < sourceRevision;
}

export function mayTranslate(viewer: TranslationViewer, locale: string): boolean {
  if (!can(viewer.role, 'translations:edit')) return false;
  return viewer.languages === null || viewer.languages.includes(locale);
}

export function mayReview(viewer: Pick<TranslationViewer, 'role'>): boolean {
  return can(viewer.role, 'translations:review');
}

/** Editors' and admins' languages are every language; translators' those an admin gave them. */
export function languagesLimited(role: Role): boolean {
  return !can(role, 'translations:review');
}

/** The form's token: the translation's revision and the source revision the form showed. */
export function workToken(work: TranslationWork): string {
  return `${work.translation?.revision ?? 0}.${work.source.revision}`;
}

export type TranslationFieldError = 'Required' | 'TooLong' | 'InvalidCharacters';
export type TranslationErrors = Partial<Record<TranslatableField, TranslationFieldError>>;

const limits: Record<TranslatableField, number> = {
  headline: textLimits.headline,
  backgroundMd: textLimits.background,
  defaultMessage: textLimits.defaultMessage,
  targetSubject: textLimits.subject,
  targetSalutation: textLimits.salutation,
};
const oneLine = new Set<TranslatableField>(['headline', 'targetSubject', 'targetSalutation']);

/**
 * The typed texts, normalised like the source's. A draft may be incomplete; a translation sent for review
 * or published needs every field its source has (an empty source salutation needs none).
 */
export function readTranslation(
  input: TranslatableTexts,
  source: TranslatableTexts,
  complete: boolean,
): { texts: TranslatableTexts; errors: TranslationErrors } {
  const errors: TranslationErrors = {};
  const texts = {} as TranslatableTexts;
  for (const key of translatableFields) {
    const required = complete && source[key].trim() !== '';
    const raw = input[key];
    if (oneLine.has(key)) {
      const r = normaliseLine(raw, { max: limits[key], required });
      if (r.ok) texts[key] = r.value;
      else {
        errors[key] = r.error as TranslationFieldError;
        texts[key] = raw;
      }
    } else {
      const r = normaliseText(raw, { max: limits[key] });
      if (r.ok) texts[key] = r.value;
      else if (r.error === 'Required' && !required) texts[key] = '';
      else {
        errors[key] = r.error as TranslationFieldError;
        texts[key] = raw;
      }
    }
  }
  return { texts, errors };
}

export const sameTexts = (a: TranslatableTexts, b: TranslatableTexts): boolean =>
  translatableFields.every((k) => a[k] === b[k]);

export const sourceTexts = (s: TranslatableTexts): TranslatableTexts => ({
  headline: s.headline,
  backgroundMd: s.backgroundMd,
  defaultMessage: s.defaultMessage,
  targetSubject: s.targetSubject,
  targetSalutation: s.targetSalutation,
});

/** The source fields that differ between the snapshot a translation was made from and the source now. */
export function changedSource(work: TranslationWork): TranslatableField[] {
  const old = work.translation?.sourceSnapshot;
  if (!old) return [];
  return translatableFields.filter((k) => old[k] !== work.source[k]);
}
