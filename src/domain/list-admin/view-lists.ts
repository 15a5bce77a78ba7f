// The lists page's reads: every language list with its counts (lists that exist, and the languages of the
// site and its campaigns, which an import may start), the newest joins, and one page of suppressed
// addresses, newest first, searched by part of the address and paged by keyset (no OFFSET on a big table).
import { campaignLanguages } from '../campaign/create-campaign.js';
import type {
  ListAdminStore,
  ListSummary,
  RecentJoin,
  SuppressedAddress,
  SuppressedCursor,
} from './list-admin.ports.js';

export const suppressedPageSize = 50;
export const recentJoinsShown = 10;

export interface ListsOverview {
  lists: ListSummary[];
  recent: RecentJoin[];
  /** Languages an import may go to: existing lists, the site's, its campaigns' and every campaign language. */
  importLocales: string[];
}

export async function viewLists(
  deps: { lists: ListAdminStore },
  input: { siteLocales: readonly string[] },
): Promise<ListsOverview> {
  const [lists, recent, campaignLocales] = await Promise.all([
    deps.lists.lists(),
    deps.lists.recentJoins(recentJoinsShown),
    deps.lists.campaignLocales(),
  ]);
  const importLocales = [
    ...new Set([
      ...lists.map((l) => l.locale),
      ...input.siteLocales,
      ...campaignLocales,
      ...campaignLanguages,
    ]),
  ];
  return { lists, recent, importLocales };
}

export interface SuppressedPage {
  rows: SuppressedAddress[];
  /** Where the next page starts; null on the last page. */
  next: SuppressedCursor | null;
}

export async function viewSuppressed(
  deps: { lists: ListAdminStore },
  input: { search: string; after: SuppressedCursor | null },
): Promise<SuppressedPage> {
  // One more than a page tells whether a next page exists without counting.
  const rows = await deps.lists.suppressed({
    search: input.search.trim().toLowerCase(),
    after: input.after,
    limit: suppressedPageSize + 1,
  });
  const page = rows.slice(0, suppressedPageSize);
  const last = page.at(-1);
  return {
    rows: page,
    next: rows.length > suppressedPageSize && last ? { suppressedAt: last.suppressedAt, id: last.id } : null,
  };
}
