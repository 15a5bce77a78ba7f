// What the translation use cases need from storage: the board's campaigns with their language versions,
// one campaign in one language, and one audited write that holds only while the form's token still matches.
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';
import type { Clock } from '../shared/clock.js';
import type { TranslatableTexts, TranslationWork } from './translation.js';

export interface BoardCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  /** The source headline; null while there is no source text. */
  headline: string | null;
  sourceRevision: number;
  translations: BoardTranslation[];
}

/** One language version as the board shows it (campaigns and mailings alike). */
export interface BoardTranslation {
  locale: string;
  status: TranslationStatus;
  sourceRevision: number;
  updatedAt: number;
  updatedBy: string | null;
}

export type TranslationAction =
  | 'translation.saved'
  | 'translation.submitted'
  | 'translation.published'
  | 'translation.sent_back';

export interface TranslationChange {
  campaignId: number;
  slug: string;
  locale: string;
  /** The token the form was filled from (translation revision . source revision). */
  expectedToken: string;
  after: TranslatableTexts & {
    status: TranslationStatus;
    sourceRevision: number;
    sourceSnapshot: TranslatableTexts | null;
    reviewNote: string | null;
  };
  action: TranslationAction;
  /** What the audit entry records: the changed fields and the status, before and after. */
  audit: { before: unknown; after: unknown };
  actor: { id: number; email: string };
  now: number;
}

export interface TranslationStore {
  /** Campaigns that are draft, in review or live, newest first. */
  board(): Promise<BoardCampaign[]>;
  /** Undefined when there is no such campaign or it has no source text yet. */
  work(slug: string, locale: string): Promise<TranslationWork | undefined>;
  /**
   * Writes the translation and its audit entry in one transaction, only while the stored translation and
   * source revision still give `expectedToken`; after a commit that publishes, or changes a published
   * translation, the public pages' cache forgets the campaign.
   */
  write(change: TranslationChange): Promise<'saved' | 'stale'>;
}

export interface TranslationDeps {
  translations: TranslationStore;
  clock: Pick<Clock, 'now'>;
}
