// The daily retention purge against real databases: signatures on campaigns closed longer ago than the
// setting lose their personal fields, supporters with nothing newer are erased, counts stay, old audit
// entries go, and the report (numbers only) lands in the audit log; a second run finds nothing to do.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { blindIndex } from '../../test/blind-index.js';
import { liveCampaignIds, testDialects } from '../../test/db.js';
import { buildSignCommand } from '../../test/factories.js';
import type { FakeClock } from '../../test/fake-clock.js';
import { confirmedSignup, signupCommand } from '../../test/signup-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { purgeRetention } from '../domain/privacy/purge-retention.js';
import type { ListMemberRepository } from './list-member.repository.js';

describe.each(testDialects)('retention purge on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  appPerTest(dialect, (app) => ({ t, clock } = app));

  it('erases signers’ data two years after the close, keeps the counts, and reports numbers', async () => {
    const [oldCampaign, liveCampaign] = await liveCampaignIds(t.db);
    const sign = (campaignId: number, email: string, name: string) => {
      const command = buildSignCommand(campaignId, { email, status: 'confirmed', now: clock.now() });
      command.input = { ...command.input, name };
      return t.services.writer.record(command);
    };
    await sign(oldCampaign!, 'gone@example.org', 'Gone Person');
    await sign(oldCampaign!, 'stays@example.org', 'Stays Person');
    await sign(liveCampaign!, 'stays@example.org', 'Stays Person');
    await t.db.kysely
      .updateTable('campaigns')
      .set({ status: 'closed', closed_at: clock.now() })
      .where('id', '=', oldCampaign!)
      .execute();
    await t.db.kysely
      .insertInto('audit_events')
      .values({
        actor_id: null,
        actor_email: null,
        action: 'campaign.closed',
        entity_type: 'campaign',
        entity_id: String(oldCampaign),
        before_json: null,
        after_json: null,
        created_at: clock.now(),
      })
      .execute();
    const counts = () =>
      t.db.kysely.selectFrom('counts').selectAll().orderBy('campaign_id').orderBy('status').execute();
    const before = await counts();
    const store = t.services.privacy.store;
    const deps = {
      store,
      retention: t.services.privacy.retention.get,
      clock,
      keyedHash: (c: string) => `k:${c.length}`,
    };

    const nothing = {
      signaturesAnonymised: 0,
      pendingSignupsDropped: 0,
      supportersErased: 0,
      auditEntriesDeleted: 0,
      deliveryLogsCleared: 0,
    };
    const firstPurge = { ...nothing, signaturesAnonymised: 2, supportersErased: 1, auditEntriesDeleted: 1 };
    clock.advance(23 * 31 * 86_400_000);
    expect(await purgeRetention(deps)).toEqual(nothing);

    clock.advance(2 * 31 * 86_400_000);
    expect(await purgeRetention(deps)).toEqual(firstPurge);
    const names = await t.db.kysely
      .selectFrom('signatures')
      .select(['campaign_id', 'name', 'country'])
      .orderBy('id')
      .execute();
    expect(names.map((n) => n.name)).toEqual(['', '', 'Stays Person']);
    expect(names.every((n) => n.country === 'KR')).toBe(true);
    expect(await store.findSupporter('gone@example.org')).toBeUndefined();
    expect(await store.findSupporter('stays@example.org')).toBeDefined();
    expect(await counts()).toEqual(before);
    const report = await t.db.kysely
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'retention.purged')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(report.after_json!)).toEqual(firstPurge);

    expect(await purgeRetention(deps)).toEqual(nothing);
  });

  it('keeps people on a list, and drops a sign-up nobody confirmed within a week', async () => {
    const now = clock.now();
    const kept = await confirmedSignup(
      t.services.lists.store as ListMemberRepository,
      t.db,
      'kept@example.org',
      { now, tokenHash: 'h1' },
    );
    await t.services.lists.store.requestSignup(
      signupCommand('waiting@example.org', { now, tokenHash: 'h2' }),
    );
    const deps = {
      store: t.services.privacy.store,
      retention: t.services.privacy.retention.get,
      clock,
      keyedHash: (c: string) => `k:${c.length}`,
    };
    clock.advance(6 * 86_400_000);
    expect(await purgeRetention(deps)).toMatchObject({ pendingSignupsDropped: 0, supportersErased: 0 });
    clock.advance(2 * 86_400_000);
    expect(await purgeRetention(deps)).toMatchObject({ pendingSignupsDropped: 1, supportersErased: 1 });
    const left = await t.db.kysely
      .selectFrom('supporters')
      .select(['id', 'status'])
      .where('email_index', 'in', ['kept@example.org', 'waiting@example.org'].map(blindIndex))
      .execute();
    expect(left.map((r) => Number(r.id))).toEqual([kept]);
    expect(await t.services.privacy.store.findSupporter('waiting@example.org')).toBeUndefined();
  });

  it('clears the address and server reply of delivery logs past their months, keeping their status', async () => {
    const campaignId = Number(
      (
        await t.db.kysely
          .selectFrom('campaigns')
          .select('id')
          .where('status', '=', 'live')
          .executeTakeFirstOrThrow()
      ).id,
    );
    const target = await t.db.kysely
      .insertInto('targets')
      .values({
        campaign_id: campaignId,
        name: 'Minister',
        email: 'minister@example.org',
        created_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const letter = (status: string, sentAt: number | null) => ({
      kind: 'digest',
      signature_id: null,
      target_id: Number(target.id),
      campaign_id: campaignId,
      status,
      digest_id: null,
      digest_size: 2,
      to_address: 'minister@example.org',
      message_id_header: '<m@example.org>',
      last_error: '250 2.0.0 queued as 12345',
      created_at: clock.now(),
      sent_at: sentAt,
    });
    await t.db.kysely
      .insertInto('messages')
      .values([letter('sent', clock.now()), letter('queued', null)])
      .execute();
    await t.services.privacy.retention.set({ signerMonths: 24, auditMonths: 24, deliveryMonths: 3 });
    const deps = {
      store: t.services.privacy.store,
      retention: t.services.privacy.retention.get,
      clock,
      keyedHash: (c: string) => `k:${c.length}`,
    };
    clock.advance(2 * 31 * 86_400_000);
    expect((await purgeRetention(deps)).deliveryLogsCleared).toBe(0);
    clock.advance(2 * 31 * 86_400_000);
    expect((await purgeRetention(deps)).deliveryLogsCleared).toBe(1);
    const rows = await t.db.kysely
      .selectFrom('messages')
      .select(['status', 'to_address', 'last_error', 'message_id_header'])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      { status: 'sent', to_address: null, last_error: null, message_id_header: null },
      // Not sent yet: it keeps the address it will go to.
      {
        status: 'queued',
        to_address: 'minister@example.org',
        last_error: '250 2.0.0 queued as 12345',
        message_id_header: '<m@example.org>',
      },
    ]);
  });

  it('follows the setting admins store', async () => {
    await t.services.privacy.retention.set({ signerMonths: 6, auditMonths: 36, deliveryMonths: 3 });
    expect(await t.services.privacy.retention.get()).toEqual({
      signerMonths: 6,
      auditMonths: 36,
      deliveryMonths: 3,
    });
    const page = await t.app.inject({ url: '/en/privacy' });
    expect(page.body).toContain('6 months after its campaign closes');
  });
});
