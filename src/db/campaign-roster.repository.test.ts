// Targets, copy addresses and partners in the database, on SQLite and PostgreSQL: every change writes its
// audit entry in the same transaction and tells the cache; duplicates are refused; removing a target
// cancels (never sends) its unsent messages and says how many, and waits while one is being sent; reorder
// swaps neighbours of one kind; an import saves all its rows at once, skipping addresses added meanwhile.
import { describe, expect, it } from 'vitest';
import { insertUser, type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { buildCampaign } from '../../test/factories.js';
import type { TargetFields } from '../domain/campaign/target-fields.js';
import { CampaignRepository } from './campaign.repository.js';
import { CampaignPartnersRepository } from './campaign-partners.repository.js';
import { CampaignRosterRepository } from './campaign-roster.repository.js';

const now = Date.UTC(2026, 10, 23, 9, 0);

const fields = (email: string, name = 'Minister'): TargetFields => ({
  name,
  organisation: 'Ministry of Labour',
  email,
  locale: 'ko',
  timeZone: 'Asia/Seoul',
  hourlyCap: null,
  countries: [],
});

describe.each(testDialects)('campaign people repository on %s', (dialect) => {
  let db: TestDb;
  let repo: CampaignRosterRepository;
  let partners: CampaignPartnersRepository;
  let changed: string[];
  let campaignId: number;
  let slug: string;
  const editor = { id: 0, email: 'editor@example.org' };

  dbPerTest(dialect, async (fresh) => {
    db = fresh;
    changed = [];
    repo = new CampaignRosterRepository(db, (c) => changed.push(c.slug));
    partners = new CampaignPartnersRepository(db, (c) => changed.push(c.slug));
    const campaign = buildCampaign();
    slug = campaign.slug;
    campaignId = await new CampaignRepository(db).create(campaign, now);
    editor.id = await insertUser(db, { email: editor.email, name: 'Ed', role: 'editor' }, now);
  });

  const audit = () => db.kysely.selectFrom('audit_events').selectAll().orderBy('id').execute();

  async function messages(targetId: number, statuses: string[]): Promise<void> {
    await db.kysely
      .insertInto('messages')
      .values(
        statuses.map((status) => ({
          kind: 'signature',
          target_id: targetId,
          campaign_id: campaignId,
          status,
          created_at: now,
        })),
      )
      .execute();
  }

  it('reads the campaign and its targets in order with their states and message counts', async () => {
    const campaign = await repo.campaign(slug);
    expect(campaign).toMatchObject({ id: campaignId, slug, status: 'live', targetHourlyCap: 30 });
    expect(campaign?.headline).toBe('Korea: Reinstate the dismissed nurses');
    const [first] = await repo.targets(campaignId);
    await messages(first!.id, ['queued', 'deferred', 'held', 'sent', 'sent', 'failed']);
    await db.kysely.updateTable('targets').set({ paused_at: now }).where('id', '=', first!.id).execute();
    const targets = await repo.targets(campaignId);
    expect(targets[0]).toMatchObject({ state: 'paused', waiting: 3, sending: 0, sent: 2 });
    expect(targets.map((t) => t.kind)).toContain('copy');
    expect(await repo.campaign('nobody')).toBeUndefined();
  });

  it('adds a target last, refuses an address the campaign already has in any case, audits and tells the cache', async () => {
    const before = await repo.targets(campaignId);
    const added = await repo.addTarget(campaignId, 'target', fields('new@labour.example.org'), editor, now);
    expect(added).toMatchObject({ id: expect.any(Number) });
    const after = await repo.targets(campaignId);
    expect(after.at(-1)).toMatchObject({
      email: 'new@labour.example.org',
      timeZone: 'Asia/Seoul',
      locale: 'ko',
    });
    expect(after.at(-1)!.position).toBeGreaterThan(Math.max(...before.map((t) => t.position)));
    expect(await repo.addTarget(campaignId, 'copy', fields('NEW@labour.example.org'), editor, now)).toBe(
      'duplicate',
    );
    expect(await audit()).toMatchObject([
      { action: 'target.added', actor_id: editor.id, entity_type: 'target' },
    ]);
    expect(changed).toEqual([slug]);
  });

  it('changes a target with its before and after in the audit log, and nothing when nothing changed', async () => {
    const [first] = await repo.targets(campaignId);
    const { email: _e, ...rest } = fields(first!.email, 'Director');
    expect(await repo.updateTarget(campaignId, first!.id, { ...rest, hourlyCap: 5 }, editor, now)).toBe(true);
    expect(await repo.updateTarget(campaignId, first!.id, { ...rest, hourlyCap: 5 }, editor, now)).toBe(true);
    expect(await repo.updateTarget(campaignId + 1, first!.id, rest, editor, now)).toBe(false);
    expect((await repo.targets(campaignId))[0]).toMatchObject({ name: 'Director', hourlyCap: 5 });
    const entries = await audit();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({
      name: 'Hospital director',
      hourlyCap: null,
    });
    expect(JSON.parse(entries[0]!.after_json!)).toMatchObject({ name: 'Director', hourlyCap: 5 });
  });

  it('removes a target: unsent messages cancelled and counted, sent ones counted, refused while one is sending', async () => {
    const [first, second] = await repo.targets(campaignId);
    await messages(first!.id, ['queued', 'queued', 'deferred', 'held', 'sent']);
    await messages(second!.id, ['queued', 'sending']);

    expect(await repo.removeTarget(campaignId, second!.id, editor, now)).toEqual({ status: 'sending' });
    // Refused means untouched: its queued message is still queued.
    expect(await repo.targets(campaignId)).toContainEqual(
      expect.objectContaining({ id: second!.id, waiting: 1 }),
    );

    expect(await repo.removeTarget(campaignId, first!.id, editor, now)).toEqual({
      status: 'ok',
      cancelled: 4,
      sent: 1,
    });
    expect((await repo.targets(campaignId)).map((t) => t.id)).not.toContain(first!.id);
    const left = await db.kysely
      .selectFrom('messages')
      .select('status')
      .where('target_id', '=', first!.id)
      .execute();
    expect(left).toEqual([]);
    expect(await repo.removeTarget(campaignId, first!.id, editor, now)).toEqual({ status: 'not_found' });
    const entries = await audit();
    expect(entries.map((e) => e.action)).toEqual(['target.removed']);
    expect(JSON.parse(entries[0]!.after_json!)).toEqual({ cancelledMessages: 4, sentMessages: 1 });
    expect(JSON.parse(entries[0]!.before_json!)).toMatchObject({ email: first!.email });
    expect(changed).toEqual([slug]);
  });

  it('moves a target among its own kind only, and not past either end', async () => {
    const targets = (await repo.targets(campaignId)).filter((t) => t.kind === 'target');
    const [a, b] = targets;
    expect(await repo.moveTarget(campaignId, b!.id, 'up', editor, now)).toBe(true);
    const order = (await repo.targets(campaignId)).filter((t) => t.kind === 'target').map((t) => t.id);
    expect(order.slice(0, 2)).toEqual([b!.id, a!.id]);
    expect(await repo.moveTarget(campaignId, b!.id, 'up', editor, now)).toBe(false);
    const copy = (await repo.targets(campaignId)).find((t) => t.kind === 'copy');
    expect(await repo.moveTarget(campaignId, copy!.id, 'down', editor, now)).toBe(false);
    expect((await audit()).map((e) => e.action)).toEqual(['target.moved']);
  });

  it('imports all rows in one transaction after the existing targets, skipping addresses it has by then', async () => {
    const existing = (await repo.targets(campaignId))[0]!.email;
    const rows = [
      fields('a@labour.example.org', 'A'),
      fields(existing.toUpperCase(), 'Known'),
      fields('b@labour.example.org', 'B'),
    ];
    expect(await repo.importTargets(campaignId, rows, editor, now)).toEqual({ imported: 2, skipped: 1 });
    const targets = await repo.targets(campaignId);
    expect(targets.slice(-2).map((t) => [t.name, t.kind])).toEqual([
      ['A', 'target'],
      ['B', 'target'],
    ]);
    const [entry] = await audit();
    expect(entry).toMatchObject({ action: 'targets.imported', entity_type: 'campaign' });
    expect(JSON.parse(entry!.after_json!)).toMatchObject({ imported: 2, skipped: 1 });
    expect(await repo.importTargets(campaignId, rows.slice(0, 1), editor, now)).toEqual({
      imported: 0,
      skipped: 1,
    });
  });

  it('imports 2,000 rows at once', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => fields(`t${i}@bulk.example.org`, `T${i}`));
    expect(await repo.importTargets(campaignId, rows, editor, now)).toEqual({ imported: 2_000, skipped: 0 });
    expect((await repo.targets(campaignId)).length).toBeGreaterThan(2_000);
  });

  it('puts a mail in the outbox with its audit entry, in one transaction', async () => {
    await repo.queueMail(
      { kind: 'send-email', payload: { subject: 'x' } },
      {
        actor: editor,
        action: 'target.test_message_sent',
        entityType: 'target',
        entityId: 7,
        after: { to: 'e' },
      },
      now,
    );
    const jobs = await db.kysely.selectFrom('jobs').select(['kind', 'payload', 'status']).execute();
    expect(jobs).toEqual([{ kind: 'send-email', payload: '{"subject":"x"}', status: 'queued' }]);
    expect(await audit()).toMatchObject([{ action: 'target.test_message_sent', entity_id: '7' }]);
  });

  it('keeps partners: add last, change, move, remove, each audited and shown on the public page at once', async () => {
    const [existing] = await partners.partners(campaignId);
    expect(existing).toMatchObject({ name: 'Public Services International', position: 0 });
    const { id } = await partners.addPartner(
      campaignId,
      { name: 'KCTU', url: 'https://kctu.example.org/', description: null, logoPath: '/media/abc.png' },
      editor,
      now,
    );
    expect(
      await partners.updatePartner(
        campaignId,
        id,
        { name: 'KCTU', url: null, description: 'Korean Confederation', logoPath: null },
        editor,
        now,
      ),
    ).toBe(true);
    expect(await partners.movePartner(campaignId, id, 'up', editor, now)).toBe(true);
    expect((await partners.partners(campaignId)).map((p) => [p.name, p.description, p.logoPath])).toEqual([
      ['KCTU', 'Korean Confederation', null],
      ['Public Services International', null, null],
    ]);
    const publicView = await new CampaignRepository(db).findBySlug(slug);
    expect(publicView?.partners.map((p) => p.name)).toEqual(['KCTU', 'Public Services International']);
    expect(await partners.removePartner(campaignId, id, editor, now)).toBe(true);
    expect(await partners.removePartner(campaignId, id, editor, now)).toBe(false);
    expect((await audit()).map((e) => e.action)).toEqual([
      'partner.added',
      'partner.changed',
      'partner.moved',
      'partner.removed',
    ]);
    expect(changed).toEqual([slug, slug, slug, slug]);
  });
});
