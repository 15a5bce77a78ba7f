// The translators' board: every campaign being prepared or live, by language, with each language's state
// at a glance (missing, draft, in review, published, and stale when the source moved on since) and who
// claimed it (decision 0042). A
// translator sees the languages they work in; editors and admins see every language offered for campaigns
// and every language some campaign has a text in. The cells are built alike for mailings' rows.

import type { CampaignStatus } from '../campaign/campaign.js';
import { campaignLanguages } from '../campaign/create-campaign.js';
import {
  type BoardStatus,
  isStale,
  mayReviewIn,
  mayTranslate,
  type TranslationViewer,
} from './translation.js';
import type { BoardTranslation, TranslationDeps } from './translation.ports.js';
import { activeClaim, mayRelease, type TranslationClaim } from './translation-claim.js';

export interface BoardCell {
  locale: string;
  /** 'source' for the campaign's own language. */
  status: BoardStatus | 'source';
  stale: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
  /** Days a live campaign has waited for this language (missing since it went live); null otherwise. */
  waitingDays: number | null;
  /** Campaign cells only (decision 0042): the claim that holds the language, and what the viewer may do. */
  claim?: { name: string; at: number } | null;
  mayClaim?: boolean;
  mayRelease?: boolean;
}

export interface BoardRow {
  slug: string;
  headline: string | null;
  status: CampaignStatus;
  sourceLocale: string;
  cells: BoardCell[];
}

/** A language live campaigns lack: in how many of them it is missing (dormant languages come first). */
export interface LanguageGap {
  locale: string;
  missing: number;
}

export interface TranslationBoard {
  languages: string[];
  rows: BoardRow[];
  /** Every board language missing from at least one live campaign, most missing first. */
  gaps: LanguageGap[];
  /** How many live campaigns the board shows. */
  live: number;
}

const dayMs = 86_400_000;

/** Languages missing from live campaigns, most first (then by code), from the board's rows. */
export function languageGaps(rows: readonly BoardRow[]): LanguageGap[] {
  const missing = new Map<string, number>();
  for (const row of rows.filter((r) => r.status === 'live')) {
    for (const c of row.cells)
      if (c.status === 'missing') missing.set(c.locale, (missing.get(c.locale) ?? 0) + 1);
  }
  return [...missing]
    .map(([locale, n]) => ({ locale, missing: n }))
    .sort((a, b) => b.missing - a.missing || a.locale.localeCompare(b.locale));
}

/** A translation sent for review in a language the viewer reviews: the reviewer's work list. */
export interface ReviewItem<R> {
  row: R;
  locale: string;
  updatedBy: string | null;
  updatedAt: number | null;
}

/**
 * What waits for this viewer's review on a board (campaigns or mailings): every cell in review in a
 * language they review (a coordinator's languages; every language for editors and admins), oldest first.
 */
export function awaitingReview<R extends { cells: readonly BoardCell[] }>(
  viewer: TranslationViewer,
  rows: readonly R[],
): ReviewItem<R>[] {
  return rows
    .flatMap((row) =>
      row.cells
        .filter((c) => c.status === 'in_review' && mayReviewIn(viewer, c.locale))
        .map((c) => ({ row, locale: c.locale, updatedBy: c.updatedBy, updatedAt: c.updatedAt })),
    )
    .sort((a, b) => (a.updatedAt ?? 0) - (b.updatedAt ?? 0));
}

/** The board's languages: a translator's own, or every language offered and every one some text is in. */
export function boardLanguages(viewer: TranslationViewer, present: Iterable<string>): string[] {
  return viewer.languages !== null ? [...viewer.languages].sort() : [...new Set(present)].sort();
}

/** One row's cells: the source language, then each language's state (missing, a status, stale). */
export function boardCells(
  languages: readonly string[],
  sourceLocale: string,
  sourceRevision: number,
  translations: readonly BoardTranslation[],
  /** Since when a missing language has been waited for (a live campaign's start), if it has. */
  waitingSince: number | null = null,
  now = 0,
): BoardCell[] {
  return languages.map((locale): BoardCell => {
    if (locale === sourceLocale) {
      return { locale, status: 'source', stale: false, updatedAt: null, updatedBy: null, waitingDays: null };
    }
    const t = translations.find((x) => x.locale === locale);
    return {
      locale,
      status: t?.status ?? 'missing',
      stale: t !== undefined && isStale(t, sourceRevision),
      updatedAt: t?.updatedAt ?? null,
      updatedBy: t?.updatedBy ?? null,
      waitingDays:
        t === undefined && waitingSince !== null && waitingSince <= now
          ? Math.floor((now - waitingSince) / dayMs)
          : null,
    };
  });
}

/**
 * A campaign row's cells with their claims: a claim that holds is shown whatever the status; the viewer may
 * claim a missing or stale language they translate that no claim holds, and release a claim that is theirs
 * or in a language they review.
 */
export function withClaims(
  viewer: TranslationViewer,
  cells: readonly BoardCell[],
  claims: readonly TranslationClaim[],
  now: number,
): BoardCell[] {
  return cells.map((c) => {
    if (c.status === 'source') return c;
    const held = activeClaim(
      claims.find((k) => k.locale === c.locale),
      now,
    );
    return {
      ...c,
      claim: held ? { name: held.name, at: held.claimedAt } : null,
      mayClaim: !held && (c.status === 'missing' || c.stale) && mayTranslate(viewer, c.locale),
      mayRelease: held !== undefined && mayRelease(viewer, held),
    };
  });
}

export async function viewTranslationBoard(
  deps: TranslationDeps,
  viewer: TranslationViewer,
): Promise<TranslationBoard> {
  const campaigns = await deps.translations.board();
  const languages = boardLanguages(viewer, [
    ...campaignLanguages,
    ...campaigns.flatMap((c) => [c.sourceLocale, ...c.translations.map((t) => t.locale)]),
  ]);
  const now = deps.clock.now();
  const rows = campaigns.map((c) => ({
    slug: c.slug,
    headline: c.headline,
    status: c.status,
    sourceLocale: c.sourceLocale,
    cells: withClaims(
      viewer,
      boardCells(
        languages,
        c.sourceLocale,
        c.sourceRevision,
        c.translations,
        c.status === 'live' ? c.startsAt : null,
        now,
      ),
      c.claims ?? [],
      now,
    ),
  }));
  return { languages, rows, gaps: languageGaps(rows), live: rows.filter((r) => r.status === 'live').length };
}
