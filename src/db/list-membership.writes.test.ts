// Leaving the lists on SQLite and PostgreSQL: a person's own leave is counted on the last mailing they were
// sent (the report's "unsubscribed" column), once; an editor's removal is not counted on any mailing.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { queueMailing } from '../../test/mailing-queue-helpers.js';
import { leaveLists } from './list-membership.writes.js';

describe.each(testDialects)('leaveLists on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  async function sentMailing() {
    const q = await queueMailing(db.kysely, {
      subscribers: [
        { email: 'carlos@example.org', locale: 'es' },
        { email: 'removed@example.org', locale: 'en' },
      ],
      now: 1_000,
    });
    await db.kysely
      .updateTable('mailing_recipients')
      .set({ status: 'sent', sent_at: 2_000 })
      .where('mailing_id', '=', q.mailingId)
      .execute();
    return q;
  }

  const unsubscribedAt = async (recipientId: number) =>
    (
      await db.kysely
        .selectFrom('mailing_recipients')
        .select('unsubscribed_at')
        .where('id', '=', recipientId)
        .executeTakeFirstOrThrow()
    ).unsubscribed_at;

  it("counts a person's one-click leave on the mailing they were sent, once", async () => {
    const q = await sentMailing();
    const [carlos] = q.supporterIds;
    const left = await db.kysely
      .transaction()
      .execute((trx) => leaveLists(trx, { supporterId: carlos!, via: 'one-click', now: 3_000 }));
    expect(left).toBe(1);
    expect(Number(await unsubscribedAt(q.recipientIds[0]!))).toBe(3_000);
    await db.kysely
      .transaction()
      .execute((trx) => leaveLists(trx, { supporterId: carlos!, via: 'one-click', now: 4_000 }));
    expect(Number(await unsubscribedAt(q.recipientIds[0]!))).toBe(3_000);
  });

  it("does not count an editor's removal on any mailing", async () => {
    const q = await sentMailing();
    const removed = q.supporterIds[1]!;
    await db.kysely
      .transaction()
      .execute((trx) => leaveLists(trx, { supporterId: removed, via: 'editor', now: 3_000 }));
    expect(await unsubscribedAt(q.recipientIds[1]!)).toBeNull();
  });
});
