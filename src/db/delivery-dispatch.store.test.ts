// The dispatcher's store against real SQLite and PostgreSQL: a round records the outcomes of earlier sends
// in the transaction that claims the next messages (one durable commit a round), all or nothing; letters and
// digests take a target's oldest due messages, queued or deferred; and the claim finds its rows by primary
// key, never by reading the whole queue.
import { Kysely, SqliteDialect } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { testDialects } from '../../test/db.js';
import { createCampaign, mailDomain, sign } from '../../test/delivery-helpers.js';
import { buildCampaign } from '../../test/factories.js';
import type { TestApp } from '../../test/test-app.js';
import { defaultDeliveryPolicy } from '../domain/delivery/delivery.js';
import type { SendClaim, SendOutcome } from '../domain/delivery/delivery.ports.js';
import { DeliveryDispatchStore } from './delivery-dispatch.store.js';
import type { Database } from './schema.js';

const ctx = (now: number) => ({
  workerId: 'w1',
  leaseUntil: now + 60_000,
  now,
  messageIdDomain: 'outcry.example.org',
});

describe.each(testDialects)('delivery store on %s', (dialect) => {
  let t: TestApp;
  let store: DeliveryDispatchStore;

  appPerTest(dialect, { seed: false }, (app) => {
    ({ t } = app);
    store = new DeliveryDispatchStore(t.db);
  });

  /** Two uncapped addresses on two domains, `n` signatures: 2 × n messages queued. */
  async function queue(n: number): Promise<void> {
    const targets = ['box@a.example.org', 'box@b.example.org'].map((email, i) => ({
      kind: 'copy' as const,
      name: `Box ${i}`,
      organisation: null,
      email,
      locale: 'en',
    }));
    await sign(t, await createCampaign(t, buildCampaign({ targets })), n);
  }

  /** One message of every target with messages due. */
  async function oneEach(now: number): Promise<SendClaim[]> {
    const candidates = await store.candidates(now);
    return candidates.map((c) => ({
      targetId: c.targetId,
      address: c.address,
      count: 1,
      digest: false,
      nextSendAt: now,
    }));
  }

  async function statuses(): Promise<Record<number, string>> {
    const rows = await t.db.kysely.selectFrom('messages').select(['id', 'status']).execute();
    return Object.fromEntries(rows.map((r) => [r.id, r.status]));
  }

  it('records the outcomes of earlier sends in the transaction that claims the next messages', async () => {
    await queue(3);
    const now = t.services.clock.now();
    const first = await store.claim(await oneEach(now), ctx(now));
    expect(first).toHaveLength(2);
    const [sent, refused] = first;
    const outcomes: SendOutcome[] = [
      { messageId: sent!.id, ok: true, domain: 'a.example.org' },
      {
        messageId: refused!.id,
        ok: false,
        domain: 'b.example.org',
        address: 'box@b.example.org',
        outcome: { action: 'retry', slowDown: false, reason: '450 4.2.1 try later' },
      },
    ];

    const second = await store.claim(await oneEach(now), ctx(now), {
      outcomes,
      policy: defaultDeliveryPolicy,
    });

    const after = await statuses();
    expect(after[sent!.id]).toBe('sent');
    expect(after[refused!.id]).toBe('deferred');
    expect(second.map((m) => after[m.id])).toEqual(['sending', 'sending']);
    const domain = await mailDomain(t, 'b.example.org');
    expect(domain.failures).toBe(1);
    expect(Number(domain.throttled_until)).toBeGreaterThan(now);
  });

  it('records nothing of a round whose claim fails: its sends stay `sending` for the next try', async () => {
    await queue(2);
    const now = t.services.clock.now();
    const first = await store.claim(await oneEach(now), ctx(now));
    const outcomes: SendOutcome[] = first.map((m) => ({
      messageId: m.id,
      ok: true,
      domain: 'a.example.org',
    }));
    const broken = (await oneEach(now)).map((c) => ({ ...c, nextSendAt: Number.NaN }));

    await expect(
      store.claim(broken, ctx(now), { outcomes, policy: defaultDeliveryPolicy }),
    ).rejects.toThrow();

    const after = await statuses();
    expect(first.map((m) => after[m.id])).toEqual(['sending', 'sending']);
    expect(Object.values(after).filter((s) => s === 'queued')).toHaveLength(2);
    // The dispatcher keeps the outcomes and records them with the next round.
    await store.claim(await oneEach(now), ctx(now), { outcomes, policy: defaultDeliveryPolicy });
    const later = await statuses();
    expect(first.map((m) => later[m.id])).toEqual(['sent', 'sent']);
  });

  it('claims the oldest due messages, queued or deferred, never a deferred one whose time has not come', async () => {
    await queue(5);
    const now = t.services.clock.now();
    const rows = await t.db.kysely
      .selectFrom('messages as m')
      .innerJoin('targets as tg', 'tg.id', 'm.target_id')
      .select(['m.id', 'm.target_id as targetId'])
      .where('tg.email', '=', 'box@a.example.org')
      .orderBy('m.id')
      .execute();
    const ids = rows.map((r) => r.id);
    // The oldest waits for a retry later; the second's retry is due; the others are queued.
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'deferred', next_attempt_at: now + 60_000 })
      .where('id', '=', ids[0]!)
      .execute();
    await t.db.kysely
      .updateTable('messages')
      .set({ status: 'deferred', next_attempt_at: now - 1 })
      .where('id', '=', ids[1]!)
      .execute();
    const claim = {
      targetId: rows[0]!.targetId,
      address: 'box@a.example.org',
      digest: false,
      nextSendAt: now,
    };

    const letters = await store.claim([{ ...claim, count: 2 }], ctx(now));
    expect(letters.map((m) => m.id)).toEqual([ids[1], ids[2]]);

    const [digest] = await store.claim([{ ...claim, count: 1, digest: true }], ctx(now));
    expect(digest).toMatchObject({ kind: 'digest', targetId: claim.targetId });
    expect(digest!.signatures).toHaveLength(2);
    const after = await statuses();
    expect([ids[0], ids[3], ids[4]].map((id) => after[id!])).toEqual(['deferred', 'digested', 'digested']);
  });

  it.runIf(dialect === 'sqlite')(
    'finds the messages it claims and records by primary key, however many are queued',
    async () => {
      await queue(300);
      // The same repository over the same connection, with every statement and its parameters logged.
      const seen: { sql: string; parameters: readonly unknown[] }[] = [];
      const logged = new Kysely<Database>({
        dialect: new SqliteDialect({ database: t.db.sqlite! }),
        log: (e) => {
          if (e.level === 'query') seen.push({ sql: e.query.sql, parameters: e.query.parameters });
        },
      });
      const watched = new DeliveryDispatchStore({ ...t.db, kysely: logged });
      const now = t.services.clock.now();
      const claims = (await oneEach(now)).map((c) => ({ ...c, count: 40 }));
      const first = await watched.claim(claims, ctx(now));
      const outcomes: SendOutcome[] = first.map((m) => ({
        messageId: m.id,
        ok: true,
        domain: 'a.example.org',
      }));
      await watched.claim(claims, ctx(now), { outcomes, policy: defaultDeliveryPolicy });

      const updates = seen.filter((s) => /^update "messages" .* where "id" in/.test(s.sql));
      expect(updates.length).toBeGreaterThanOrEqual(2);
      for (const u of updates) {
        const plan = t.db
          .sqlite!.prepare(`explain query plan ${u.sql}`)
          .all(...(u.parameters as unknown[])) as { detail: string }[];
        const details = plan.map((p) => p.detail).join('\n');
        expect(details).toContain('SEARCH messages USING INTEGER PRIMARY KEY');
        expect(details).not.toContain('idx_messages_status_locked');
      }
    },
  );
});
