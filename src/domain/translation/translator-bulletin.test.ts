// What waits for a translator and when a bulletin is due, without a database: missing and stale languages of
// live campaigns count; up-to-date, in-review and source languages, draft or closed campaigns do not; a
// bulletin goes out only with something not listed before, and never twice within 24 hours.
import { describe, expect, it } from 'vitest';
import type { BoardCampaign } from './translation.ports.js';
import {
  type BulletinTranslator,
  bulletinIntervalMs,
  dueBulletins,
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
  name: 'Léa',
  email: 'lea@example.org',
  locale: 'fr',
  languages: ['fr', 'es', 'en'],
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
    expect(waitingItems(lea, board).map((i) => [i.key, i.stale])).toEqual([
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
});
