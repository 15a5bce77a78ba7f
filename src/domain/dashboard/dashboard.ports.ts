// What the editor dashboard reads; db/dashboard.repository.ts implements it. Every method is one cheap
// query: totals come from the counts table, the days from an index range over recent signatures, delivery
// from status-indexed counts, so the page stays fast on a database of a million signatures.
import type { CampaignStatus, TranslationStatus } from '../campaign/campaign.js';

export interface DashboardCampaign {
  id: number;
  slug: string;
  status: CampaignStatus;
  /** Source-language headline; null while the campaign has no source text. */
  headline: string | null;
  sourceLocale: string;
  goal: number | null;
  endsAt: number | null;
  reminderSentAt: number | null;
}

/** Signatures per campaign, language and status, as the counts table holds them. */
export interface LanguageCount {
  campaignId: number;
  locale: string;
  status: 'confirmed' | 'pending' | 'held';
  n: number;
}

/** Confirmed signatures made on one UTC day (day = days since 1970-01-01). */
export interface DayCount {
  campaignId: number;
  day: number;
  n: number;
}

export interface BouncedTarget {
  campaignSlug: string;
  targetId: number;
  name: string;
  email: string;
  bouncedAt: number | null;
  lastError: string | null;
}

/** Delivery across all campaigns: what waits, what failed, what a person must look at. */
export interface DeliveryHealth {
  /** Messages to targets waiting for their first attempt. */
  queued: number;
  /** Messages waiting for a retry after a temporary failure. */
  deferred: number;
  /** Handed over but no answer: never resent unless an editor asks. */
  unknown: number;
  /** Kept back because their target's address bounced. */
  held: number;
  openAlerts: number;
  pausedDomains: number;
  /** Target addresses that bounced, on campaigns that are live. */
  bouncedTargets: BouncedTarget[];
}

export interface TranslationState {
  campaignId: number;
  locale: string;
  status: TranslationStatus;
  /** Revision of this text (for the source text: the source revision translations are made from). */
  revision: number;
  /** The source revision this translation was made from; 0 when not recorded. */
  sourceRevision: number;
}

export interface DashboardReader {
  /** Campaigns in these statuses, newest first. */
  campaigns(statuses: CampaignStatus[]): Promise<DashboardCampaign[]>;
  /** Confirmed, pending and held signatures per campaign and language (the counts table). */
  countsByLanguage(campaignIds: number[]): Promise<LanguageCount[]>;
  /** Confirmed signatures made at or after `since`, per campaign and UTC day. */
  countedByDay(since: number): Promise<DayCount[]>;
  deliveryHealth(): Promise<DeliveryHealth>;
  translations(campaignIds: number[]): Promise<TranslationState[]>;
}

/**
 * Union campaign requests waiting for an editor. Optional: the campaign request feature provides it; without it the
 * dashboard leaves that one number out.
 */
export interface RequestsWaiting {
  waiting(): Promise<number>;
}
