// Every segment condition, alone and combined, on SQLite and PostgreSQL: who is counted and who is queued
// when the send starts. Only subscribed members with a mail-able, not erased address are ever included;
// a person on two chosen lists is one recipient, in their own language's list.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { addCampaign, addPerson, addSendingMailing, day, now } from '../../test/mailing-helpers.js';
import { emptySegment, type Segment } from '../domain/mailing/segment.js';
import { countSegment, materialiseSegment } from './mailing-segment.query.js';

describe.each(testDialects)('mailing segment query on %s', (dialect) => {
  let db: TestDb;
  let a: number;
  let b: number;
  let c: number;
  let psi: number;
  let ituc: number;
  const ids: Record<string, number> = {};

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    a = await addCampaign(db, 'Public Services International');
    b = await addCampaign(db, 'public services international');
    c = await addCampaign(db, 'ITUC');
    const partner = async (campaignId: number) =>
      Number(
        (
          await db.kysely
            .selectFrom('partners')
            .select('id')
            .where('campaign_id', '=', campaignId)
            .executeTakeFirstOrThrow()
        ).id,
      );
    psi = await partner(a);
    ituc = await partner(c);
    ids.ana = await addPerson(db, {
      email: 'ana@example.org',
      country: 'BR',
      lists: { en: { since: now - 60 * day } },
      signed: [{ campaignId: a }],
    });
    ids.bo = await addPerson(db, {
      email: 'bo@example.org',
      locale: 'es',
      country: 'ES',
      lists: { en: { since: now - 5 * day }, es: { since: now - 5 * day } },
      signed: [{ campaignId: a }, { campaignId: b }],
    });
    ids.cy = await addPerson(db, {
      email: 'cy@example.org',
      locale: 'es',
      country: 'AR',
      lists: { es: {} },
      signed: [{ campaignId: c, status: 'pending' }],
    });
    ids.ha = await addPerson(db, {
      email: 'ha@example.org',
      locale: 'ar',
      country: 'EG',
      lists: { ar: {} },
      signed: [{ campaignId: c, at: now - 700 * day }],
    });
    // Never included, whatever the conditions:
    await addPerson(db, {
      email: 'di@example.org',
      lists: { en: { status: 'unsubscribed' } },
      signed: [{ campaignId: a }],
    });
    await addPerson(db, {
      email: 'ed@example.org',
      suppressed: true,
      lists: { en: {} },
      signed: [{ campaignId: a }],
    });
    await addPerson(db, {
      email: 'fa@example.org',
      status: 'erased',
      lists: { ar: {} },
      signed: [{ campaignId: c }],
    });
    await addPerson(db, {
      email: 'gu@example.org',
      lists: { en: { status: 'pending' } },
      signed: [{ campaignId: a }],
    });
  });

  const all = ['en', 'es', 'ar'];
  const count = (s: Partial<Segment>) => countSegment(db.kysely, { ...emptySegment(all), ...s }, now);

  it('counts subscribed, mail-able members of the chosen lists, each person once', async () => {
    expect(await count({ locales: ['en'] })).toBe(2);
    expect(await count({ locales: ['en', 'es'] })).toBe(3);
    expect(await count({})).toBe(4);
    expect(await count({ locales: [] })).toBe(0);
    expect(await count({ locales: ['fr'] })).toBe(0);
  });

  it('applies each condition', async () => {
    expect(await count({ countries: ['ES', 'EG'] })).toBe(2);
    expect(await count({ signedCampaignId: a })).toBe(2);
    expect(await count({ signedCampaignId: c })).toBe(1); // ha; cy's signature is not counted yet
    expect(await count({ notSignedCampaignId: a })).toBe(2); // cy, ha
    expect(await count({ minCampaignsLastYear: 1 })).toBe(2); // ana, bo (ha's is two years old)
    expect(await count({ minCampaignsLastYear: 2 })).toBe(1); // bo
    expect(await count({ subscribedSince: now - 10 * day })).toBe(1); // bo
    expect(await count({ partnerId: psi })).toBe(2); // same organisation on campaigns a and b
    expect(await count({ partnerId: ituc })).toBe(1); // ha
  });

  it('combines conditions with AND', async () => {
    expect(await count({ countries: ['BR', 'ES'], signedCampaignId: a, minCampaignsLastYear: 2 })).toBe(1);
    expect(await count({ locales: ['en'], notSignedCampaignId: b, partnerId: psi })).toBe(1); // ana
    expect(await count({ countries: ['EG'], signedCampaignId: a })).toBe(0);
  });

  it('queues the segment once per person, in their own language when it is one of the lists', async () => {
    const mailingId = await addSendingMailing(db);
    const queued = await db.kysely
      .transaction()
      .execute((trx) => materialiseSegment(trx, mailingId, { ...emptySegment(['en', 'es']) }, now));
    expect(queued).toBe(3);
    const rows = await db.kysely
      .selectFrom('mailing_recipients')
      .select(['supporter_id', 'locale', 'status'])
      .where('mailing_id', '=', mailingId)
      .orderBy('supporter_id')
      .execute();
    expect(rows.map((r) => [Number(r.supporter_id), r.locale, r.status])).toEqual([
      [ids.ana, 'en', 'queued'],
      [ids.bo, 'es', 'queued'],
      [ids.cy, 'es', 'queued'],
    ]);
  });
});
