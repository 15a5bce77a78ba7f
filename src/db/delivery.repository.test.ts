// The delivery store's claim against real SQLite and PostgreSQL: a round records the outcomes of earlier
// sends in the transaction that claims the next messages (one durable commit a round), all or nothing; and
// the claim finds its rows by primary key, never by reading the whole queue.
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../test/db.js';
import { createCampaign, sign } from '../../test/delivery-helpers.js';
import { buildCampaign } from '../../test/factories.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { defaultDeliveryPolicy } from '../domain/delivery/delivery.js';
import type { SendClaim, SendOutcome } from '../domain/delivery/delivery.ports.js';
import { DeliveryRepository } from './delivery.repository.js';
import type { Database } from './schema.js';

const ctx = (now: number) => ({
  workerId: 'w1',
  leaseUntil: now + 60_000,
  now,
  messageIdDomain: 'outcry.example.org',
});

describe.each(testDialects)('delivery store on %s', (dialect) => {
  let t: TestApp;
  let store: DeliveryRepository;

  beforeEach(async () => {
    t = await createTestApp(dialect, {}, { seed: false });
    store = new DeliveryRepository(t.db);
  });
  afterEach(async () => {
    await t.close();
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
    const domain = await t.db.kysely
      .selectFrom('mail_domains')
      .select(['failures', 'throttled_until'])
      .where('domain', '=', 'b.example.org')
      .executeTakeFirstOrThrow();
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
      const watched = new DeliveryRepository({ ...t.db, kysely: logged });
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
