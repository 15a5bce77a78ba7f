// What waits for a translator and when a bulletin is due, without a database: missing and stale languages of
// live campaigns count; up-to-date, in-review and source languages, draft or closed campaigns do not; a
// claimed language is listed with its holder until the claim lapses; a coordinator also gets the
// translations in review in their language, a plain translator never; a bulletin goes out only with
// something not listed before, and never twice within 24 hours.
import { describe, expect, it } from 'vitest';
import type { BoardCampaign } from './translation.ports.js';
import { claimLapseMs } from './translation-claim.js';
import {
  type BulletinTranslator,
  bulletinIntervalMs,
  dueBulletins,
  reviewItems,
  waitingItems,
} from './translator-bulletin.js';

const at = Date.UTC(2026, 10, 23, 9, 0);
const campaign = (over: Partial<BoardCampaign>): BoardCampaign => ({
  id: 1,
  slug: 'nurses-korea',
  status: 'live',
  sourceLocale: 'en',
  headline: 'Reinstate the nurses',
  sourceRevision: 3,
  startsAt: null,
  translations: [],
  ...over,
});
const version = (locale: string, status: 'draft' | 'in_review' | 'published', sourceRevision: number) => ({
  locale,
  status,
  sourceRevision,
  updatedAt: at,
  updatedBy: null,
});
const lea: BulletinTranslator = {
  id: 7,
  role: 'translator',
  name: 'Léa',
  email: 'lea@example.org',
  locale: 'fr',
  languages: ['fr', 'es', 'en'],
  standings: {},
  lastSentAt: null,
  lastItems: [],
};

describe('translator bulletin', () => {
  it('lists missing and stale languages of live campaigns only', () => {
    const board = [
      campaign({ translations: [version('es', 'published', 2)] }),
      campaign({
        id: 2,
        slug: 'dockers',
        translations: [version('fr', 'in_review', 3), version('es', 'draft', 3)],
      }),
      campaign({ id: 3, slug: 'draft-one', status: 'draft' }),
      campaign({ id: 4, slug: 'closed-one', status: 'closed' }),
    ];
    expect(waitingItems(lea, board, at).map((i) => [i.key, i.stale])).toEqual([
      ['1:fr:3', false],
      ['1:es:3', true],
    ]);
  });

  it('is due with something new, at most once in 24 hours', () => {
    const board = [campaign({})];
    expect(dueBulletins([lea], board, at)).toHaveLength(1);
    const sent = { ...lea, lastSentAt: at, lastItems: ['1:fr:3', '1:es:3'] };
    expect(dueBulletins([sent], board, at + bulletinIntervalMs)).toEqual([]);
    const more = [campaign({}), campaign({ id: 2, slug: 'dockers' })];
    expect(dueBulletins([sent], more, at + bulletinIntervalMs - 1)).toEqual([]);
    expect(dueBulletins([sent], more, at + bulletinIntervalMs)[0]?.items).toHaveLength(4);
    // The source changed: the same languages wait again, under a new key.
    expect(dueBulletins([sent], [campaign({ sourceRevision: 4 })], at + bulletinIntervalMs)).toHaveLength(1);
  });

  it('names the holder of a claim that holds, and not of one that lapsed', () => {
    const claimedAt = at - 3 * 86_400_000;
    const board = [campaign({ claims: [{ locale: 'fr', userId: 9, name: 'Amira', claimedAt }] })];
    const fr = (now: number) => waitingItems(lea, board, now).find((i) => i.locale === 'fr');
    expect(fr(at)?.claim).toEqual({ name: 'Amira', at: claimedAt });
    // Still listed (and under the same key: a claim is not new work), never dropped.
    expect(fr(at)?.key).toBe('1:fr:3');
    expect(fr(claimedAt + claimLapseMs)?.claim).toBeNull();
  });

  it('gives a coordinator the translations in review in their language, oldest first, and nobody else', () => {
    const board = [
      campaign({ translations: [{ ...version('fr', 'in_review', 3), updatedAt: at + 5 }] }),
      campaign({
        id: 2,
        slug: 'dockers',
        translations: [version('fr', 'in_review', 3), version('es', 'in_review', 3)],
      }),
    ];
    const coordinator = { ...lea, standings: { fr: 'coordinator' as const, es: 'trusted' as const } };
    expect(reviewItems(coordinator, board).map((r) => r.key)).toEqual([
      `review:2:fr:${at}`,
      `review:1:fr:${at + 5}`,
    ]);
    expect(reviewItems(lea, board)).toEqual([]);
    // Only reviews waiting: the coordinator gets a bulletin; listed once, not again the next day.
    const sent = { ...coordinator, lastSentAt: at, lastItems: [] };
    const due = dueBulletins([sent], board, at + bulletinIntervalMs);
    expect(due[0]?.reviews).toHaveLength(2);
    const listed = { ...sent, lastItems: [...due[0]!.items, ...due[0]!.reviews].map((i) => i.key) };
    expect(dueBulletins([listed], board, at + 2 * bulletinIntervalMs)).toEqual([]);
    // A plain translator of the same language with nothing to translate gets nothing.
    const plain = { ...lea, languages: ['fr'], standings: {}, lastItems: ['1:fr:3', '2:fr:3'] };
    expect(dueBulletins([plain], board, at)).toEqual([]);
  });
});
