// The board's wait times and its summary of languages live campaigns lack: days count from a live
// campaign's start for missing languages only, and the summary puts the most missing language first.
import { describe, expect, it } from 'vitest';
import { translationViewer } from './translation-steps.js';
import { awaitingReview, type BoardRow, boardCells, languageGaps } from './view-translation-board.js';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 6, 12);
const published = {
  status: 'published' as const,
  sourceRevision: 1,
  updatedAt: now - day,
  updatedBy: 'a@x.org',
};

describe('translation board', () => {
  it('counts the days a live campaign has waited for each missing language, and only those', () => {
    const cells = boardCells(
      ['de', 'en', 'es'],
      'en',
      1,
      [{ locale: 'es', ...published }],
      now - 9.5 * day,
      now,
    );
    expect(cells.map((c) => [c.locale, c.status, c.waitingDays])).toEqual([
      ['de', 'missing', 9],
      ['en', 'source', null],
      ['es', 'published', null],
    ]);
    // Not live yet (no start, or a start ahead): nobody is waiting.
    expect(boardCells(['de'], 'en', 1, [], null, now)[0]!.waitingDays).toBeNull();
    expect(boardCells(['de'], 'en', 1, [], now + day, now)[0]!.waitingDays).toBeNull();
  });

  it('lists the languages live campaigns lack, the most missing first', () => {
    const row = (slug: string, status: BoardRow['status'], missing: string[]): BoardRow => ({
      slug,
      headline: slug,
      status,
      sourceLocale: 'en',
      cells: boardCells(
        ['de', 'en', 'fr', 'ka'],
        'en',
        1,
        ['de', 'fr', 'ka'].filter((l) => !missing.includes(l)).map((locale) => ({ locale, ...published })),
        now - day,
        now,
      ),
    });
    const gaps = languageGaps([
      row('a', 'live', ['ka', 'fr']),
      row('b', 'live', ['ka']),
      row('c', 'draft', ['de', 'fr', 'ka']),
    ]);
    expect(gaps).toEqual([
      { locale: 'ka', missing: 2 },
      { locale: 'fr', missing: 1 },
    ]);
  });

  it("lists what waits for a reviewer's review: a coordinator's languages only, oldest first", () => {
    const inReview = (locale: string, updatedAt: number) => ({
      locale,
      status: 'in_review' as const,
      sourceRevision: 1,
      updatedAt,
      updatedBy: 'b@x.org',
    });
    const rows = [
      {
        slug: 'a',
        cells: boardCells(['es', 'fr'], 'en', 1, [inReview('fr', now - day), inReview('es', now)]),
      },
      { slug: 'b', cells: boardCells(['fr'], 'en', 1, [inReview('fr', now - 2 * day)]) },
      { slug: 'c', cells: boardCells(['fr'], 'en', 1, [{ locale: 'fr', ...published }]) },
    ];
    const coordinator = translationViewer({ id: 7, email: 'c@x.org', role: 'translator' }, [
      { locale: 'fr', standing: 'coordinator' },
      { locale: 'es', standing: 'trusted' },
    ]);
    expect(awaitingReview(coordinator, rows).map((i) => [i.row.slug, i.locale])).toEqual([
      ['b', 'fr'],
      ['a', 'fr'],
    ]);
    const editor = translationViewer({ id: 8, email: 'e@x.org', role: 'editor' }, []);
    expect(awaitingReview(editor, rows).map((i) => `${i.row.slug}:${i.locale}`)).toEqual([
      'b:fr',
      'a:fr',
      'a:es',
    ]);
    const plain = translationViewer({ id: 9, email: 'p@x.org', role: 'translator' }, [
      { locale: 'fr', standing: 'translator' },
    ]);
    expect(awaitingReview(plain, rows)).toEqual([]);
  });
});
