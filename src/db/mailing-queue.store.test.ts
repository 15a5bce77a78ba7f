// The mailing queue on SQLite and PostgreSQL: reservation in id order with a lease, no row reserved twice
// while its lease holds (two workers, two connections), `sending` only for the reserving worker of a mailing
// still sending, pause, skipped suppressed and unsubscribed people, outcomes, recovery of interrupted sends
// (failed, never queued again) and the end of a drained mailing.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { queueMailing, recipientStatuses } from '../../test/mailing-queue-helpers.js';
import { interruptedReason, skippedSuppressed, skippedUnsubscribed } from '../domain/mailing/send-policy.js';
import { MailingQueueStore } from './mailing-queue.store.js';

const now = Date.UTC(2026, 10, 23, 9, 0, 0);
const lease = 60_000;

const people = (n: number, locale = 'en') =>
  Array.from({ length: n }, (_, i) => ({ email: `p${i}@d${i % 3}.example.org`, name: `P ${i}`, locale }));

describe.each(testDialects)('MailingQueueStore on %s', (dialect) => {
  let db: TestDb;
  let store: MailingQueueStore;

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    store = new MailingQueueStore(db);
  });

  const reserve = (
    mailingId: number,
    limit: number,
    workerId = 'w1',
    at = now,
    closedDomains: string[] = [],
  ) =>
    store.tick({
      workerId,
      now: at,
      leaseUntil: at + lease,
      outcomes: [],
      start: [],
      reserve: { mailingId, limit, closedDomains },
    });

  it('reserves in id order with a lease, and another worker gets the next rows', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(10), now });
    const first = await reserve(q.mailingId, 4, 'w1');
    expect(first.reserved.map((r) => r.id)).toEqual(q.recipientIds.slice(0, 4));
    expect(first.reserved[0]).toMatchObject({
      email: 'p0@d0.example.org',
      name: 'P 0',
      locale: 'en',
      attempts: 0,
    });
    const other = new MailingQueueStore(db.reopen());
    const second = await other.tick({
      workerId: 'w2',
      now,
      leaseUntil: now + lease,
      outcomes: [],
      start: [],
      reserve: { mailingId: q.mailingId, limit: 4, closedDomains: [] },
    });
    expect(second.reserved.map((r) => r.id)).toEqual(q.recipientIds.slice(4, 8));
    // Reserved rows are still queued: nothing was sent, a dead worker's reservation just runs out.
    expect(await recipientStatuses(db.kysely, q.mailingId)).toEqual({ queued: 10 });
    const later = await reserve(q.mailingId, 10, 'w3', now + lease + 1);
    expect(later.reserved.map((r) => r.id)).toEqual(q.recipientIds);
  });

  // SQLite serialises writers (and better-sqlite3 waits for a lock synchronously, so three connections
  // in one process would wait on each other): the race is PostgreSQL's, where SKIP LOCKED settles it.
  it.skipIf(dialect === 'sqlite')('never hands one row to two workers reserving at once', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(60), now });
    const stores = [store, new MailingQueueStore(db.reopen()), new MailingQueueStore(db.reopen())];
    const results = await Promise.all(
      stores.map((s, i) =>
        s.tick({
          workerId: `w${i}`,
          now,
          leaseUntil: now + lease,
          outcomes: [],
          start: [],
          reserve: { mailingId: q.mailingId, limit: 25, closedDomains: [] },
        }),
      ),
    );
    const ids = results.flatMap((r) => r.reserved.map((x) => x.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(60);
  });

  it('starts only its own reserved rows of a sending mailing, and pausing stops both', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(6), now });
    const mine = await reserve(q.mailingId, 3, 'w1');
    const ids = mine.reserved.map((r) => r.id);
    const wrongWorker = await store.tick({
      workerId: 'w2',
      now,
      leaseUntil: now + lease,
      outcomes: [],
      start: ids,
    });
    expect(wrongWorker.started).toEqual([]);
    const started = await store.tick({
      workerId: 'w1',
      now,
      leaseUntil: now + lease,
      outcomes: [],
      start: ids.slice(0, 2),
    });
    expect(started.started.sort()).toEqual(ids.slice(0, 2));
    expect(await recipientStatuses(db.kysely, q.mailingId)).toEqual({ queued: 4, sending: 2 });

    await db.kysely.updateTable('mailings').set({ status: 'paused' }).where('id', '=', q.mailingId).execute();
    const afterPause = await store.tick({
      workerId: 'w1',
      now,
      leaseUntil: now + lease,
      outcomes: [],
      start: [ids[2]!],
    });
    expect(afterPause.started).toEqual([]);
    expect((await reserve(q.mailingId, 10, 'w1', now + lease + 1)).reserved).toEqual([]);
    expect(await store.sendingMailings()).toEqual([]);
  });

  it('skips suppressed addresses and people who left the list, with the reason', async () => {
    const q = await queueMailing(db.kysely, {
      subscribers: [
        { email: 'a@x.example.org', locale: 'en' },
        { email: 'b@x.example.org', locale: 'en', suppressed: true },
        { email: 'c@x.example.org', locale: 'en', subscribed: false },
      ],
      now,
    });
    const r = await reserve(q.mailingId, 10);
    expect(r.reserved.map((x) => x.email)).toEqual(['a@x.example.org']);
    expect(r.skipped).toBe(2);
    const rows = await db.kysely
      .selectFrom('mailing_recipients')
      .select(['id', 'status', 'last_error'])
      .where('mailing_id', '=', q.mailingId)
      .orderBy('id')
      .execute();
    expect(rows.map((x) => [x.status, x.last_error])).toEqual([
      ['queued', null],
      ['failed', skippedSuppressed],
      ['failed', skippedUnsubscribed],
    ]);
  });

  it('leaves closed destination domains queued and reserves the rest', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(6), now });
    const r = await reserve(q.mailingId, 10, 'w1', now, ['D1.example.org']);
    expect(r.reserved.map((x) => x.email.split('@')[1])).not.toContain('d1.example.org');
    expect(r.reserved).toHaveLength(4);
  });

  it('records outcomes: sent, bounced (and suppressed), failed, unknown, retry and held', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(6), now });
    const ids = (await reserve(q.mailingId, 6)).reserved.map((r) => r.id);
    await store.tick({ workerId: 'w1', now, leaseUntil: now + lease, outcomes: [], start: ids });
    await store.tick({
      workerId: 'w1',
      now,
      leaseUntil: now + lease,
      start: [],
      outcomes: [
        { id: ids[0]!, result: 'sent' },
        { id: ids[1]!, result: 'bounced', reason: '550 5.1.1 no such user' },
        { id: ids[2]!, result: 'failed', reason: '554 too big' },
        { id: ids[3]!, result: 'unknown', reason: 'connection lost after DATA' },
        {
          id: ids[4]!,
          result: 'retry',
          reason: '451 try later',
          retryAt: now + 60_000,
          domain: 'd1.example.org',
          slowDown: true,
        },
        { id: ids[5]!, result: 'held', reason: '554 5.7.1 blocked', domain: 'd2.example.org' },
      ],
    });
    const rows = await db.kysely
      .selectFrom('mailing_recipients')
      .select(['status', 'last_error', 'attempts', 'next_attempt_at', 'sent_at', 'locked_by'])
      .where('mailing_id', '=', q.mailingId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'bounced', 'failed', 'failed', 'queued', 'queued']);
    expect(rows[0]!.sent_at).toBe(now);
    expect(rows[3]!.last_error).toBe('unknown: connection lost after DATA');
    expect(rows[4]).toMatchObject({ attempts: 1, next_attempt_at: now + 60_000, locked_by: null });
    expect(rows[5]).toMatchObject({ attempts: 0, locked_by: null });
    const bounced = await db.kysely
      .selectFrom('supporters')
      .select(['mail_suppressed_at', 'mail_suppressed_reason'])
      .where('id', '=', q.supporterIds[1]!)
      .executeTakeFirstOrThrow();
    expect(bounced).toEqual({ mail_suppressed_at: now, mail_suppressed_reason: 'hard_bounce' });
    const limits = await store.domainLimits(now);
    expect([...limits.closed].sort()).toEqual(['d1.example.org', 'd2.example.org']);
    expect(limits.concurrency.get('d1.example.org')).toBe(1);
    // The retry waits for its time, the held row for its domain: neither is reserved now.
    expect((await reserve(q.mailingId, 10, 'w1', now + 1_000, [...limits.closed])).reserved).toEqual([]);
  });

  it('marks sends cut off by a dead worker failed once their lease ran out, never queued again', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(3), now });
    const ids = (await reserve(q.mailingId, 3)).reserved.map((r) => r.id);
    await store.tick({ workerId: 'w1', now, leaseUntil: now + lease, outcomes: [], start: ids.slice(0, 2) });
    expect(await store.recoverAbandoned(now + lease - 1)).toEqual([]);
    expect((await store.recoverAbandoned(now + lease + 1)).sort()).toEqual(ids.slice(0, 2));
    const rows = await db.kysely
      .selectFrom('mailing_recipients')
      .select(['status', 'last_error'])
      .where('mailing_id', '=', q.mailingId)
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { status: 'failed', last_error: interruptedReason },
      { status: 'failed', last_error: interruptedReason },
      { status: 'queued', last_error: null },
    ]);
    // The never-started row goes to the next worker.
    expect((await reserve(q.mailingId, 3, 'w2', now + lease + 1)).reserved.map((r) => r.id)).toEqual([
      ids[2],
    ]);
  });

  it('renews the leases it holds and releases reserved rows', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(2), now });
    const ids = (await reserve(q.mailingId, 2)).reserved.map((r) => r.id);
    await store.renewLeases(ids, 'w1', now + 10 * lease);
    expect((await reserve(q.mailingId, 2, 'w2', now + 2 * lease)).reserved).toEqual([]);
    await store.release(ids, 'w1');
    expect((await reserve(q.mailingId, 2, 'w2', now)).reserved.map((r) => r.id)).toEqual(ids);
  });

  it('finishes a mailing only when no row is queued or sending', async () => {
    const q = await queueMailing(db.kysely, { subscribers: people(2), now });
    expect(await store.finishDrained(q.mailingId, now)).toBe(false);
    const ids = (await reserve(q.mailingId, 2)).reserved.map((r) => r.id);
    await store.tick({ workerId: 'w1', now, leaseUntil: now + lease, outcomes: [], start: ids });
    expect(await store.finishDrained(q.mailingId, now)).toBe(false);
    await store.tick({
      workerId: 'w1',
      now,
      leaseUntil: now + lease,
      start: [],
      outcomes: ids.map((id) => ({ id, result: 'sent' as const })),
    });
    expect(await store.finishDrained(q.mailingId, now + 5)).toBe(true);
    const m = await db.kysely
      .selectFrom('mailings')
      .select(['status', 'finished_at'])
      .where('id', '=', q.mailingId)
      .executeTakeFirstOrThrow();
    expect(m).toEqual({ status: 'sent', finished_at: now + 5 });
    expect(await store.finishDrained(q.mailingId, now + 6)).toBe(false);
  });

  it('reads the texts and the other live campaigns in a language', async () => {
    const q = await queueMailing(db.kysely, {
      subscribers: people(1),
      now,
      translations: { ar: { subject: 'إرلان حر', bodyMd: 'نص' } },
    });
    const content = await store.content(q.mailingId);
    expect(content?.source.subject).toBe('Erlan is free');
    expect(content?.translations.get('ar')?.subject).toBe('إرلان حر');
    expect(await store.liveCampaigns('ar', null, 5)).toEqual([]);
  });

  it('names the languages of the recipients still to be sent to, and only those', async () => {
    const subscribers = [
      ...people(2, 'en'),
      { email: 'a@ar.example.org', locale: 'ar' },
      { email: 't@tl.example.org', locale: 'tl' },
    ];
    const q = await queueMailing(db.kysely, { subscribers, now });
    expect((await store.content(q.mailingId))?.recipientLocales).toEqual(['ar', 'en', 'tl']);
    // The Tagalog reader has been sent theirs: no version of it is needed any more.
    await db.kysely
      .updateTable('mailing_recipients')
      .set({ status: 'sent', sent_at: now })
      .where('id', '=', q.recipientIds[3]!)
      .execute();
    expect((await store.content(q.mailingId))?.recipientLocales).toEqual(['ar', 'en']);
  });
});
