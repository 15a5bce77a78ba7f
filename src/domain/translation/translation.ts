// A campaign's volunteer translation: one language version of the five translatable texts, with its status,
// the source revision it was made from and the source text of that revision (so "source changed" can show
// what changed). The use cases beside this file move it through its states; translation-steps.ts holds the
// rules every translated text shares (campaigns and mailings): who may touch which language, what is
// stale, what a complete translation is, and what each step does to the status.
//
//   (missing) ──save──► draft ──submit──► in_review ──publish──► published
//                         ▲                   │                     │
//                         └─────send back─────┘                     │
//                         ▲                                         │
//                         └──── a translator saves a changed text ──┘
//
// Reviewers of a language (editors and admins in every language, a coordinator in theirs: decision 0039)
// may publish from any state and their saves keep the status, as do a trusted translator's on their own
// work; a plain translator's changed text on a published translation goes back to draft (the page says so
// before they save). Stale: the source's revision moved past the one the translation was made from; it
// stays stale, whatever its status, until someone saves it marked "updated to the new source". A missing or
// stale language may be claimed beside these states (translation-claim.ts): a claim changes no status.
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';
import { textLimits } from '../campaign/edit-campaign.js';
import { pickTexts, type StepState, type TextSpec, tokenOf } from './translation-steps.js';

// Who may touch which language and what is stale hold for every kind of translated text: they live with
// the shared steps and are named here too, where the campaign's translation code has always found them.
export {
  isStale,
  languagesLimited,
  mayPublish,
  mayReviewIn,
  mayTranslate,
  type TranslationViewer,
} from './translation-steps.js';

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

export interface StoredTranslation extends TranslatableTexts, StepState {
  /** The source text at sourceRevision; null for translations saved before snapshots were kept. */
  sourceSnapshot: TranslatableTexts | null;
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

/** The form's token: the translation's revision and the source revision the form showed. */
export const workToken = (work: TranslationWork): string => tokenOf(work);

/** Campaign texts as the shared translation steps see them (translation-steps.ts). */
export const campaignTextSpec: TextSpec<TranslatableField> = {
  fields: translatableFields,
  limits: {
    headline: textLimits.headline,
    backgroundMd: textLimits.background,
    defaultMessage: textLimits.defaultMessage,
    targetSubject: textLimits.subject,
    targetSalutation: textLimits.salutation,
  },
  oneLine: ['headline', 'targetSubject', 'targetSalutation'],
};

export const sourceTexts = (s: TranslatableTexts): TranslatableTexts => pickTexts(campaignTextSpec, s);

/** The source fields that differ between the snapshot a translation was made from and the source now. */
export function changedSource(work: TranslationWork): TranslatableField[] {
  const old = work.translation?.sourceSnapshot;
  if (!old) return [];
  return translatableFields.filter((k) => old[k] !== work.source[k]);
}
