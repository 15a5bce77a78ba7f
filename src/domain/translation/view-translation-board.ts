// The translators' board: every campaign being prepared or live, by language, with each language's state
// at a glance (missing, draft, in review, published, and stale when the source moved on since). A
// translator sees the languages they work in; editors and admins see every language offered for campaigns
// and every language some campaign has a text in.

import type { CampaignStatus } from '../campaign/campaign.js';
import { campaignLanguages } from '../campaign/create-campaign.js';
import { type BoardStatus, isStale, type TranslationViewer } from './translation.js';
import type { TranslationDeps } from './translation.ports.js';

export interface BoardCell {
  locale: string;
  /** 'source' for the campaign's own language. */
  status: BoardStatus | 'source';
  stale: boolean;
  updatedAt: number | null;
  updatedBy: string | null;
}

export interface BoardRow {
  slug: string;
  headline: string | null;
  status: CampaignStatus;
  sourceLocale: string;
  cells: BoardCell[];
}

export interface TranslationBoard {
  languages: string[];
  rows: BoardRow[];
}

export async function viewTranslationBoard(
  deps: TranslationDeps,
  viewer: TranslationViewer,
): Promise<TranslationBoard> {
  const campaigns = await deps.translations.board();
  const languages =
    viewer.languages !== null
      ? [...viewer.languages].sort()
      : [
          ...new Set([
            ...campaignLanguages,
            ...campaigns.flatMap((c) => [c.sourceLocale, ...c.translations.map((t) => t.locale)]),
          ]),
        ].sort();
  const rows = campaigns.map((c) => ({
    slug: c.slug,
    headline: c.headline,
    status: c.status,
    sourceLocale: c.sourceLocale,
    cells: languages.map((locale): BoardCell => {
      if (locale === c.sourceLocale) {
        return { locale, status: 'source', stale: false, updatedAt: null, updatedBy: null };
      }
      const t = c.translations.find((x) => x.locale === locale);
      const stale = t !== undefined && isStale(t, c.sourceRevision);
      return {
        locale,
        status: t?.status ?? 'missing',
        stale,
        updatedAt: t?.updatedAt ?? null,
        updatedBy: t?.updatedBy ?? null,
      };
    }),
  }));
  return { languages, rows };
}
