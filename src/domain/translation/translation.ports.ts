// What the translation use cases need from storage: the board's campaigns with their language versions,
// one campaign in one language, and one audited write that holds only while the form's token still matches.
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';
import type { Clock } from '../shared/clock.js';
import type { TranslatableTexts, TranslationWork } from './translation.js';
import type { TranslationClaim } from './translation-claim.js';
import type { GlossaryTerm, MemoryExample } from './translation-memory.js';

export interface BoardCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  sourceLocale: string;
  /** The source headline; null while there is no source text. */
  headline: string | null;
  sourceRevision: number;
  /** When the campaign went live (or is to); null for a draft without a date. */
  startsAt: number | null;
  translations: BoardTranslation[];
  /** Claims on its languages, lapsed ones included (the board leaves those out: decision 0042). */
  claims?: TranslationClaim[];
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
   * source revision still give `expectedToken`, ending the actor's own claim on the language (decision
   * 0042: a claim ends with its holder's save); after a commit that publishes, or changes a published
   * translation, the public pages' cache forgets the campaign.
   */
  write(change: TranslationChange): Promise<'saved' | 'stale'>;
}

export interface TranslationDeps {
  translations: TranslationStore;
  clock: Pick<Clock, 'now'>;
}

/** A glossary term as a translator saves it. */
export interface GlossaryTermSave {
  locale: string;
  term: string;
  rendering: string;
  note: string | null;
  actorId: number;
  now: number;
}

/** The translation memory's and glossaries' storage (decision 0026). */
export interface TranslationMemoryStore {
  /** Other campaigns' published versions in `locale` with their source texts, newest first, at most `limit`. */
  examples(locale: string, exceptCampaignId: number, limit: number): Promise<MemoryExample[]>;
  /** A language's glossary, alphabetical by term. */
  glossary(locale: string): Promise<GlossaryTerm[]>;
  /** Adds the term, or replaces the language's rendering of it. */
  saveTerm(term: GlossaryTermSave): Promise<void>;
  /** False when the language has no such term (any more). */
  removeTerm(locale: string, id: number): Promise<boolean>;
}

/** Claims on a campaign's languages (decision 0042); each change is audited in its transaction. */
export interface TranslationClaimStore {
  /** The stored claim on the campaign's language, lapsed or not. */
  claimOf(campaignId: number, locale: string): Promise<TranslationClaim | undefined>;
  /**
   * Stores the actor's claim (`translation.claimed`) unless a claim made after `lapsedBefore` holds the
   * language; a lapsed one is replaced. False when a colleague's claim holds it.
   */
  claim(change: {
    campaignId: number;
    locale: string;
    actor: { id: number; email: string };
    now: number;
    lapsedBefore: number;
  }): Promise<boolean>;
  /** Ends `holderId`'s claim (`translation.released`); false when it is no longer there. */
  release(change: {
    campaignId: number;
    locale: string;
    holderId: number;
    actor: { id: number; email: string };
    now: number;
  }): Promise<boolean>;
}

export interface TranslationClaimDeps {
  translations: Pick<TranslationStore, 'work'>;
  claims: TranslationClaimStore;
  clock: Pick<Clock, 'now'>;
}
