// The signing write path below HTTP, on each database: immediate mode, petition-only campaigns,
// back-pressure, count reconciliation, expiry (deleting what nobody confirmed) and forgetting networks.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { OverloadedError } from '../domain/signature/signature.ports.js';
import { CampaignRepository } from './campaign.repository.js';
import { SignatureRepository } from './signature.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';

const now = Date.UTC(2026, 10, 23, 10);

describe.each(testDialects)('signature write path on %s', (dialect) => {
  let db: TestDb;
  let campaigns: CampaignRepository;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
    campaigns = new CampaignRepository(db);
  });

  const total = async (id: number) => (await campaigns.supporterTotals([id])).get(id) ?? 0;
  const rows = (table: 'messages' | 'jobs') => db.kysely.selectFrom(table).selectAll().execute();

  it('counts immediately and releases messages to targets and the copy address in immediate mode', async () => {
    const id = await campaigns.create(buildCampaign({ confirmationMode: 'immediate' }), now);
    const committed: number[][] = [];
    const writer = new BatchedSignatureWriter(db, { onCommit: (ids) => committed.push(ids) });
    const outcomes = await Promise.all([
      writer.record(buildSignCommand(id, { status: 'confirmed' })),
      writer.record(buildSignCommand(id, { status: 'confirmed' })),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['created', 'created']);
    expect(await total(id)).toBe(2);
    expect(await rows('messages')).toHaveLength(6);
    expect((await rows('jobs')).map((j) => JSON.parse(j.payload).mail)).toEqual(['thank', 'thank']);
    // Both arrived in one event-loop turn: one transaction, one commit notification.
    expect(writer.stats.batches).toBe(1);
    expect(committed).toEqual([[id]]);
  });

  it('sends nothing to targets for a petition-only campaign', async () => {
    const id = await campaigns.create(buildCampaign({ deliveryMode: 'petition_only' }), now);
    await new BatchedSignatureWriter(db).record(buildSignCommand(id, { status: 'confirmed' }));
    expect(await total(id)).toBe(1);
    expect(await rows('messages')).toHaveLength(0);
  });

  it('answers OverloadedError at once when the queue is full, and loses none it accepted', async () => {
    const id = await campaigns.create(buildCampaign(), now);
    const writer = new BatchedSignatureWriter(db, { maxQueue: 10 });
    const results = await Promise.allSettled(
      Array.from({ length: 25 }, () => writer.record(buildSignCommand(id))),
    );
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(15);
    expect(rejected.every((r) => (r as PromiseRejectedResult).reason instanceof OverloadedError)).toBe(true);
    const stored = await db.kysely.selectFrom('signatures').select('id').execute();
    expect(stored).toHaveLength(10);
  });

  it('reconcile repairs a deliberately corrupted count and reports the drift', async () => {
    const id = await campaigns.create(buildCampaign({ confirmationMode: 'immediate' }), now);
    const writer = new BatchedSignatureWriter(db);
    for (let i = 0; i < 3; i++) await writer.record(buildSignCommand(id, { status: 'confirmed' }));
    await db.kysely.updateTable('counts').set({ n: 1000 }).where('campaign_id', '=', id).execute();
    expect(await total(id)).toBe(1000);
    const repo = new SignatureRepository(db);
    expect(await repo.reconcileCounts()).toEqual([{ campaignId: id, drift: 997 }]);
    expect(await total(id)).toBe(3);
    expect(await repo.reconcileCounts()).toEqual([]);
  });

  it('deletes expired unconfirmed signatures with their personal data, and supporters left with nothing', async () => {
    const id = await campaigns.create(buildCampaign(), now);
    const other = await campaigns.create(buildCampaign({ confirmationMode: 'immediate' }), now);
    const writer = new BatchedSignatureWriter(db);
    const old = now - 20 * 86_400_000;
    const consent = { text: 'Keep me informed', version: 'alerts-2026-11' };
    // Gone entirely: a pending and a held signature nobody confirmed, their consent, their supporters.
    await writer.record(buildSignCommand(id, { email: 'gone@example.org', now: old, consent }));
    await writer.record(buildSignCommand(id, { email: 'held@example.org', now: old, status: 'held' }));
    // Keeps the supporter: the same person confirmed another campaign's signature.
    await writer.record(buildSignCommand(id, { email: 'kept@example.org', now: old, consent }));
    await writer.record(
      buildSignCommand(other, { email: 'kept@example.org', now: old, status: 'confirmed', consent }),
    );
    // Not yet expired.
    await writer.record(buildSignCommand(id, { email: 'fresh@example.org', now }));
    const repo = new SignatureRepository(db);
    expect(await repo.expireUnconfirmed(now, 14 * 86_400_000)).toBe(1);

    const statuses = await db.kysely
      .selectFrom('counts')
      .select(['campaign_id', 'status', 'n'])
      .orderBy('campaign_id')
      .execute();
    expect(statuses).toEqual([
      { campaign_id: id, status: 'pending', n: 1 },
      { campaign_id: other, status: 'confirmed', n: 1 },
    ]);
    // Addresses are sealed (decision 0023): sorted here, not by the database.
    const supporters = await db.kysely.selectFrom('supporters').select('email').execute();
    expect(supporters.map((p) => p.email).sort()).toEqual(['fresh@example.org', 'kept@example.org']);
    const signatures = await db.kysely.selectFrom('signatures').select(['campaign_id', 'status']).execute();
    expect(signatures).toHaveLength(2);
    const consents = await db.kysely.selectFrom('consents').select('campaign_id').execute();
    expect(consents).toEqual([{ campaign_id: other }]);
    const everything = JSON.stringify(await db.kysely.selectFrom('signatures').selectAll().execute());
    expect(everything).not.toContain('gone@example.org');
    expect(await repo.expireUnconfirmed(now, 14 * 86_400_000)).toBe(0);
  });

  it('forgets network hashes after the retention time, except on held signatures still under review', async () => {
    const id = await campaigns.create(buildCampaign({ confirmationMode: 'immediate' }), now);
    const writer = new BatchedSignatureWriter(db);
    const day = 86_400_000;
    await writer.record(
      buildSignCommand(id, { now: now - 31 * day, status: 'confirmed', ipHash: 'net-old' }),
    );
    await writer.record(buildSignCommand(id, { now: now - 31 * day, status: 'held', ipHash: 'net-held' }));
    await writer.record(
      buildSignCommand(id, { now: now - 29 * day, status: 'confirmed', ipHash: 'net-new' }),
    );
    const repo = new SignatureRepository(db);
    expect(await repo.forgetNetworks(now - 30 * day)).toBe(1);
    const hashes = await db.kysely.selectFrom('signatures').select('ip_hash').orderBy('id').execute();
    expect(hashes.map((h) => h.ip_hash)).toEqual([null, 'net-held', 'net-new']);
    expect(await repo.forgetNetworks(now - 30 * day)).toBe(0);
  });
});
