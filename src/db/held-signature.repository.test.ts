// Reviewing held signatures on each database, through the use cases and the real signing write path: the
// list with its signals, release (confirmed with messages and a thank-you mail, or pending with a fresh
// link when the last is old), discard (signature, consent and lone supporter gone), counts corrected,
// one audit entry each, and nothing done twice or outside the campaign.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign, buildSignCommand } from '../../test/factories.js';
import { FakeClock } from '../../test/fake-clock.js';
import { discardHeld, listHeld, type ReviewDeps, releaseHeld } from '../domain/signature/review-held.js';
import type { SignCommand } from '../domain/signature/signature.ports.js';
import { confirmationTokens } from '../security/confirmation-token.js';
import { CampaignRepository } from './campaign.repository.js';
import { HeldSignatureRepository } from './held-signature.repository.js';
import { BatchedSignatureWriter } from './signature.writer.js';
import { UserRepository } from './user.repository.js';

const start = Date.UTC(2026, 10, 23, 9);
const minute = 60_000;

describe.each(testDialects)('held signatures on %s', (dialect) => {
  let db: TestDb;
  let campaigns: CampaignRepository;
  let writer: BatchedSignatureWriter;
  let clock: FakeClock;
  let changed: number[][];
  let deps: ReviewDeps;
  let editor: { id: number; email: string };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    campaigns = new CampaignRepository(db);
    const email = 'editor@example.org';
    const user = { email, name: 'Nadia Haddad', role: 'editor' as const, passwordHash: 'not-a-real-hash' };
    editor = { id: (await new UserRepository(db).upsertWithPassword(user, start)).id, email };
    writer = new BatchedSignatureWriter(db);
    clock = new FakeClock(start);
    changed = [];
    deps = {
      held: new HeldSignatureRepository(db, (ids) => changed.push(ids)),
      tokens: confirmationTokens,
      clock,
      limits: async () => ({ ipPerHour: 2, domainPerHour: 3 }),
    };
  });

  const hold = async (
    campaignId: number,
    at: number,
    overrides: Partial<SignCommand> & { email?: string } = {},
  ) =>
    (await writer.record(buildSignCommand(campaignId, { status: 'held', now: at, ...overrides })))
      .signatureId;

  const counts = async (campaignId: number) => {
    const rows = await db.kysely
      .selectFrom('counts')
      .select(['status', 'n'])
      .where('campaign_id', '=', campaignId)
      .execute();
    const out: Record<string, number> = {};
    for (const r of rows) out[r.status] = (out[r.status] ?? 0) + Number(r.n);
    return out;
  };
  const signature = (id: number) =>
    db.kysely.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
  const jobsFor = async (id: number) =>
    (await db.kysely.selectFrom('jobs').select('payload').execute())
      .map((j) => JSON.parse(j.payload) as { signatureId: number; mail: string; token?: string })
      .filter((p) => p.signatureId === id);
  const audit = (action: string) =>
    db.kysely.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('id').execute();

  it('lists held signatures newest first with the signals that explain them', async () => {
    const id = await campaigns.create(buildCampaign({ slug: 'nurses' }), start);
    // Three from one network within the hour (limit 2), four from one workplace domain (limit 3).
    const a1 = await hold(id, start, { ipHash: 'net-a', email: 'a1@hospital.example' });
    const a2 = await hold(id, start + 10 * minute, { ipHash: 'net-a', email: 'a2@hospital.example' });
    const a3 = await hold(id, start + 20 * minute, { ipHash: 'net-a', email: 'a3@hospital.example' });
    const d4 = await hold(id, start + 30 * minute, { ipHash: 'net-b', email: 'a4@hospital.example' });
    const lone = await hold(id, start + 3 * 60 * minute, { ipHash: 'net-c', email: 'kim@mail.example' });
    await writer.record(
      buildSignCommand(id, { status: 'confirmed', now: start + 5 * minute, ipHash: 'net-a' }),
    );

    const page = await listHeld(deps, { slug: 'nurses', page: 1 });
    if (page.status !== 'ok') throw new Error('not found');
    expect(page.total).toBe(5);
    expect(page.campaign).toMatchObject({ slug: 'nurses', held: 5, confirmationMode: 'confirm_first' });
    expect(page.rows.map((r) => r.id)).toEqual([lone, d4, a3, a2, a1]);
    const row = (sid: number) => page.rows.find((r) => r.id === sid)!;
    expect(row(a3)).toMatchObject({
      networkLastHour: 4, // a1, the confirmed one, a2 and a3
      networkHeld: 3,
      emailDomain: 'hospital.example',
      domainLastHour: 3,
      reason: 'network',
    });
    expect(row(a1)).toMatchObject({ networkLastHour: 1, reason: 'form' });
    expect(row(d4)).toMatchObject({ networkLastHour: 1, domainLastHour: 4, reason: 'email_domain' });
    expect(row(lone)).toMatchObject({
      networkLastHour: 1,
      domainLastHour: 1,
      networkHeld: 1,
      reason: 'form',
    });
    expect(row(lone)).toMatchObject({ name: 'Kim Min-ji', country: 'KR', locale: 'en', union: null });

    const network = await listHeld(deps, { slug: 'nurses', page: 1, network: 'net-a' });
    expect(network.status === 'ok' && network.rows.map((r) => r.id)).toEqual([a3, a2, a1]);
    expect(await listHeld(deps, { slug: 'nobody', page: 1 })).toEqual({ status: 'not_found' });
  });

  it('releases into a campaign that counts at once: counted, messages and thank-you mail, audited', async () => {
    const id = await campaigns.create(
      buildCampaign({ slug: 'nurses', confirmationMode: 'immediate' }),
      start,
    );
    const sid = await hold(id, start, { consent: { text: 'Alerts', version: 'v1' } });
    expect(await counts(id)).toEqual({ held: 1 });
    clock.advance(30 * minute);

    expect(await releaseHeld(deps, editor, { slug: 'nurses', selection: { ids: [sid] } })).toEqual({
      status: 'ok',
      count: 1,
    });
    expect(await signature(sid)).toMatchObject({ status: 'confirmed', confirmed_at: clock.now() });
    expect(await counts(id)).toEqual({ held: 0, confirmed: 1 });
    const messages = await db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('signature_id', '=', sid)
      .execute();
    expect(messages.map((m) => m.status)).toEqual(['queued', 'queued', 'queued']);
    expect((await jobsFor(sid)).map((j) => j.mail)).toEqual(['confirm', 'thank']);
    const [entry] = await audit('signature.released');
    expect(entry).toMatchObject({ actor_id: editor.id, entity_type: 'signature', entity_id: String(sid) });
    expect(JSON.parse(entry!.after_json!)).toEqual({ status: 'confirmed', confirmationMailed: true });
    expect(changed).toEqual([[id]]);

    // A second click (or a second editor) finds nothing held: nothing happens twice.
    expect(await releaseHeld(deps, editor, { slug: 'nurses', selection: { ids: [sid] } })).toEqual({
      status: 'ok',
      count: 0,
    });
    expect(await db.kysely.selectFrom('messages').select('id').execute()).toHaveLength(3);
    expect(await audit('signature.released')).toHaveLength(1);
  });

  it('releases into a campaign that asks to confirm: pending, with a fresh link only if the last is old', async () => {
    const id = await campaigns.create(buildCampaign({ slug: 'nurses' }), start);
    const old = await hold(id, start);
    const recent = await hold(id, start + 50 * minute);
    const before = await signature(recent);
    clock.set(start + 90 * minute);

    const result = await releaseHeld(deps, editor, { slug: 'nurses', selection: { ids: [old, recent] } });
    expect(result).toEqual({ status: 'ok', count: 2 });
    expect(await counts(id)).toEqual({ held: 0, pending: 2 });
    expect(await db.kysely.selectFrom('messages').select('id').execute()).toHaveLength(0);

    const oldJobs = await jobsFor(old);
    expect(oldJobs.map((j) => j.mail)).toEqual(['confirm', 'confirm']);
    const fresh = oldJobs[1]!.token!;
    expect(await signature(old)).toMatchObject({
      status: 'pending',
      confirm_token_hash: confirmationTokens.hash(fresh),
      confirmation_sent_at: clock.now(),
      confirmed_at: null,
    });
    // Mailed 40 minutes ago: its link still works and no second mail goes out yet.
    expect((await jobsFor(recent)).map((j) => j.mail)).toEqual(['confirm']);
    expect(await signature(recent)).toMatchObject({
      status: 'pending',
      confirm_token_hash: before!.confirm_token_hash,
    });
    expect(await audit('signature.released')).toHaveLength(2);
  });

  it('releases or discards everything held from one network, and only that', async () => {
    const id = await campaigns.create(
      buildCampaign({ slug: 'nurses', confirmationMode: 'immediate' }),
      start,
    );
    const other = await campaigns.create(buildCampaign({ slug: 'dockers' }), start);
    const bots = [await hold(id, start, { ipHash: 'net-a' }), await hold(id, start + 1, { ipHash: 'net-a' })];
    const person = await hold(id, start + 2, { ipHash: 'net-b' });
    const elsewhere = await hold(other, start + 3, { ipHash: 'net-a' });

    expect(await discardHeld(deps, editor, { slug: 'nurses', selection: { network: 'net-a' } })).toEqual({
      status: 'ok',
      count: 2,
    });
    for (const b of bots) expect(await signature(b)).toBeUndefined();
    expect(await signature(person)).toMatchObject({ status: 'held' });
    expect(await signature(elsewhere)).toMatchObject({ status: 'held' });
    expect(await counts(id)).toEqual({ held: 1 });
    expect(await counts(other)).toEqual({ held: 1 });

    // Ids of another campaign's signatures are ignored.
    expect(await releaseHeld(deps, editor, { slug: 'nurses', selection: { ids: [elsewhere] } })).toEqual({
      status: 'ok',
      count: 0,
    });
    expect(await signature(elsewhere)).toMatchObject({ status: 'held' });
  });

  it('discards a signature with its consent, and its supporter when nothing else is theirs', async () => {
    const id = await campaigns.create(buildCampaign({ slug: 'nurses' }), start);
    const other = await campaigns.create(buildCampaign({ slug: 'dockers' }), start);
    const consent = { text: 'Alerts', version: 'v1' };
    const lone = await hold(id, start, { email: 'lone@example.org', consent });
    const twice = await hold(id, start, { email: 'twice@example.org', consent });
    await writer.record(
      buildSignCommand(other, { status: 'confirmed', email: 'twice@example.org', consent }),
    );
    const supporterOf = async (sid: number) => (await signature(sid))!.supporter_id;
    const loneSupporter = await supporterOf(lone);
    const twiceSupporter = await supporterOf(twice);

    expect(await discardHeld(deps, editor, { slug: 'nurses', selection: { ids: [lone, twice] } })).toEqual({
      status: 'ok',
      count: 2,
    });
    expect(await counts(id)).toEqual({ held: 0 });
    const supporters = await db.kysely.selectFrom('supporters').select('id').execute();
    expect(supporters.map((s) => s.id)).toEqual([twiceSupporter]);
    expect(supporters.map((s) => s.id)).not.toContain(loneSupporter);
    const consents = await db.kysely.selectFrom('consents').select(['supporter_id', 'campaign_id']).execute();
    expect(consents).toEqual([{ supporter_id: twiceSupporter, campaign_id: other }]);
    const entries = await audit('signature.discarded');
    expect(entries.map((e) => e.entity_id)).toEqual([String(lone), String(twice)]);
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({
      status: 'held',
      campaignId: id,
      country: 'KR',
    });
    expect(entries[0]!.after_json).toBeNull();
    // The confirmation mail still queued for it finds nothing to send.
    expect(changed).toEqual([[id]]);
  });

  it('refuses an empty or oversized selection before touching anything', async () => {
    await campaigns.create(buildCampaign({ slug: 'nurses' }), start);
    expect(await releaseHeld(deps, editor, { slug: 'nurses', selection: { ids: [] } })).toEqual({
      status: 'nothing_selected',
    });
    const many = Array.from({ length: 501 }, (_, i) => i + 1);
    expect(await discardHeld(deps, editor, { slug: 'nurses', selection: { ids: many } })).toEqual({
      status: 'too_many',
      max: 500,
    });
    expect(await releaseHeld(deps, editor, { slug: 'nobody', selection: { ids: [1] } })).toEqual({
      status: 'not_found',
    });
  });
});
