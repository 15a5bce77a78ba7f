// Bounces that arrive later by mail, end to end below the two doors (receiveBounce → recordBounce → the
// repository) on SQLite and PostgreSQL: a real message signed and sent to a loopback sink, then a
// hand-written bounce about it. Each consequence matches the synchronous SMTP answer; the same bounce
// twice, a forged MAC, an earlier send and a replaced address change nothing more.
import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import {
  type BounceFixture,
  bounceFixture,
  forgedMac,
  type SentMessage,
  sentMessage,
} from '../../test/bounce-helpers.js';
import { jobPayloads, testDialects } from '../../test/db.js';
import {
  createDigestCampaign,
  type DeliveryRig,
  deliveryRig,
  mailDomain,
  messageStatuses,
  sign,
} from '../../test/delivery-helpers.js';
import type { FakeClock } from '../../test/fake-clock.js';
import type { TestApp } from '../../test/test-app.js';
import { viewDeliveryStatus } from '../domain/delivery/view-delivery-status.js';
import { receiveBounce } from '../mail/bounce-receive.js';
import { bounceAddress } from '../security/bounce-address.js';
import { BounceRepository } from './bounce.repository.js';
import { SupporterMailOutcomeWriter } from './supporter-mail-outcome.writer.js';

const director = 'director@hospital.example.org';

describe.each(testDialects)('bounces by mail on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let rig: DeliveryRig | undefined;

  appPerTest(dialect, (app) => ({ t, clock } = app));

  const deps = () => ({
    bounces: new BounceRepository(t.db),
    supporterMail: new SupporterMailOutcomeWriter(t.db),
    clock,
    secret: t.config.APP_SECRET,
  });

  async function send(signatures = 3): Promise<SentMessage> {
    const sent = await sentMessage(t, { signatures });
    rig = sent.rig;
    return sent.message;
  }

  function receive(m: SentMessage, fixture: BounceFixture, recipients: string[] = [m.verp]) {
    return receiveBounce(deps(), { raw: bounceFixture(fixture, m), recipients });
  }

  async function target(id: number) {
    return t.db.kysely.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  async function message(id: number) {
    return t.db.kysely.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  const alerts = () => t.db.kysely.selectFrom('alerts').selectAll().orderBy('id').execute();
  const alertJobs = () => jobPayloads(t.db, 'send-delivery-alert');

  it('a Postfix 5.1.1 report: message bounced, address bounced, its waiting messages held, editors alerted', async () => {
    const m = await send(3);
    const before = await viewDeliveryStatus(
      { status: t.services.deliveryStatus },
      (await message(m.id)).signature_id!,
    );
    expect(before).toMatchObject({ status: 'ok', delivered: 2, total: 2 });
    clock.advance(60_000);

    const outcome = await receive(m, 'postfix-user-unknown');
    expect(outcome).toEqual({
      status: 'done',
      results: [
        {
          status: 'applied',
          messageId: m.id,
          effect: 'bounce',
          reason:
            '550 5.1.1 <director@hospital.example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        },
      ],
    });
    expect((await messageStatuses(t))[director]).toEqual({ bounced: 1, held: 2 });
    expect(await target(m.targetId)).toMatchObject({
      status: 'bounced',
      bounced_at: clock.now(),
      last_error: expect.stringContaining('550 5.1.1'),
    });
    const [alert] = await alerts();
    expect(alert).toMatchObject({ kind: 'target_bounced', target_id: m.targetId, campaign_id: m.campaignId });
    expect(await alertJobs()).toEqual([{ alertId: alert!.id }]);

    // The supporter's status page counts it as not delivered: 1 of 2 targets now.
    const after = await viewDeliveryStatus(
      { status: t.services.deliveryStatus },
      (await message(m.id)).signature_id!,
    );
    expect(after).toMatchObject({ status: 'ok', delivered: 1, total: 2 });
  });

  it('the same report twice has one effect: one alert, one job, no second change', async () => {
    const m = await send(1);
    await receive(m, 'postfix-user-unknown');
    const bouncedAt = (await target(m.targetId)).bounced_at;
    clock.advance(3_600_000);
    const again = await receive(m, 'postfix-user-unknown');
    expect(again).toEqual({
      status: 'done',
      results: [{ status: 'ignored', messageId: m.id, reason: 'already_recorded' }],
    });
    expect(await alerts()).toHaveLength(1);
    expect(await alertJobs()).toHaveLength(1);
    expect((await target(m.targetId)).bounced_at).toBe(bouncedAt);
  });

  it('Exchange, Gmail, qmail and Exim reports bounce the address alike', async () => {
    const fixtures: BounceFixture[] = [
      'exchange-recipient-not-found',
      'gmail-address-not-found',
      'qmail-failure-notice',
      'exim-user-unknown',
    ];
    const m = await send(1);
    for (const fixture of fixtures) {
      // Each report about a fresh copy of the same sent message.
      await t.db.kysely.updateTable('messages').set({ status: 'sent' }).where('id', '=', m.id).execute();
      await t.db.kysely
        .updateTable('targets')
        .set({ status: 'active' })
        .where('id', '=', m.targetId)
        .execute();
      const outcome = await receive(m, fixture);
      expect(outcome, fixture).toMatchObject({ results: [{ status: 'applied', effect: 'bounce' }] });
      expect((await target(m.targetId)).status, fixture).toBe('bounced');
    }
    expect(await alerts()).toHaveLength(4);
  });

  it('a forged MAC, or an address of no message, changes nothing', async () => {
    const m = await send(1);
    const forged = forgedMac(m.verp);
    expect(await receive(m, 'postfix-user-unknown', [forged])).toEqual({ status: 'not_ours' });
    // Without an envelope recipient, the headers decide: rewritten to the forged address, still not ours.
    const raw = bounceFixture('postfix-user-unknown', { ...m, verp: forged });
    expect(await receiveBounce(deps(), { raw, recipients: [] })).toEqual({ status: 'not_ours' });
    expect(await receive(m, 'postfix-user-unknown', ['someone@outcry.example.org'])).toEqual({
      status: 'not_ours',
    });
    const deleted = bounceAddress(999_999, t.config.APP_SECRET, t.config.MAIL_FROM);
    expect(await receive(m, 'postfix-user-unknown', [deleted])).toMatchObject({
      results: [{ status: 'ignored', reason: 'unknown_message' }],
    });
    expect((await message(m.id)).status).toBe('sent');
    expect((await target(m.targetId)).status).toBe('active');
    expect(await alerts()).toEqual([]);
  });

  it('without an envelope recipient, Delivered-To names the message', async () => {
    const m = await send(1);
    const outcome = await receiveBounce(deps(), {
      raw: bounceFixture('postfix-user-unknown', m),
      recipients: [],
    });
    expect(outcome).toMatchObject({ results: [{ status: 'applied', messageId: m.id, effect: 'bounce' }] });
  });

  it('a report about an earlier send of the row, or about another mailbox (a forward), is ignored', async () => {
    const m = await send(1);
    const earlier = { ...m, messageId: m.messageId.replace(/\.[0-9a-f]+@/, '.ffffffffffff@') };
    expect(
      await receiveBounce(deps(), {
        raw: bounceFixture('postfix-user-unknown', earlier),
        recipients: [m.verp],
      }),
    ).toMatchObject({ results: [{ status: 'ignored', reason: 'earlier_send' }] });
    const forward = { ...m, recipient: 'head.nurse@elsewhere.example.net' };
    expect(
      await receiveBounce(deps(), {
        raw: bounceFixture('postfix-user-unknown', forward),
        recipients: [m.verp],
      }),
    ).toMatchObject({ results: [{ status: 'ignored', reason: 'other_recipient' }] });
    expect((await message(m.id)).status).toBe('sent');
    expect(await alerts()).toEqual([]);
  });

  it('a bounce for a target since given a new address marks the message, not the new address', async () => {
    const m = await send(2);
    const admin = await t.db.kysely
      .insertInto('users')
      .values({ email: 'ad@example.org', name: 'Ad', role: 'admin', locale: 'en', created_at: clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.services.deliveryAdmin.replaceTargetAddress(
      m.campaignId,
      m.targetId,
      'office@hospital.example.org',
      { id: admin.id, email: 'ad@example.org' },
      clock.now(),
    );
    const outcome = await receive(m, 'postfix-user-unknown');
    expect(outcome).toMatchObject({ results: [{ status: 'applied', effect: 'bounce' }] });
    expect((await message(m.id)).status).toBe('bounced');
    expect(await target(m.targetId)).toMatchObject({
      status: 'active',
      email: 'office@hospital.example.org',
    });
    // Its other message still waits to go to the new address.
    expect((await messageStatuses(t))['office@hospital.example.org']).toEqual({ bounced: 1, queued: 1 });
    expect(await alerts()).toEqual([]);
  });

  it('a 5.7.1 report: the message waits again, the domain is paused, editors alerted once', async () => {
    const m = await send(1);
    const outcome = await receive(m, 'postfix-policy-block');
    expect(outcome).toMatchObject({ results: [{ status: 'applied', effect: 'pause-domain' }] });
    expect((await message(m.id)).status).toBe('queued');
    const domain = await mailDomain(t, 'hospital.example.org');
    expect(domain).toMatchObject({ paused_at: clock.now(), paused_reason: expect.stringContaining('5.7.1') });
    expect(await receive(m, 'postfix-policy-block')).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_sent' }],
    });
    expect((await alerts()).map((a) => a.kind)).toEqual(['domain_paused']);
    expect(await alertJobs()).toHaveLength(1);
    // Nothing more goes to the paused domain; the other target's mail goes on.
    clock.advance(3_600_000);
    await rig!.dispatcher.runOnce();
    expect((await messageStatuses(t))[director]).toEqual({ queued: 1 });
    expect((await message(m.id)).status).toBe('queued');
  });

  it('a delay report is noted as the last error, nothing else; twice is still once', async () => {
    const m = await send(1);
    expect(await receive(m, 'postfix-delayed')).toMatchObject({
      results: [{ status: 'applied', effect: 'delay', reason: expect.stringContaining('4.4.1') }],
    });
    expect(await message(m.id)).toMatchObject({
      status: 'sent',
      last_error: expect.stringContaining('timed out'),
    });
    expect(await receive(m, 'postfix-delayed')).toMatchObject({
      results: [{ status: 'ignored', reason: 'already_recorded' }],
    });
    expect((await target(m.targetId)).status).toBe('active');
    expect(await alerts()).toEqual([]);
  });

  it('an out-of-office reply and a read receipt are ignored', async () => {
    const m = await send(1);
    expect(await receive(m, 'out-of-office')).toMatchObject({
      results: [{ status: 'ignored', reason: 'auto_reply' }],
    });
    expect(await receive(m, 'read-receipt')).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_a_bounce' }],
    });
    expect((await message(m.id)).status).toBe('sent');
  });

  it('a message whose outcome was unknown (hang-up after DATA) is settled by the report', async () => {
    const m = await send(1);
    await t.db.kysely.updateTable('messages').set({ status: 'unknown' }).where('id', '=', m.id).execute();
    expect(await receive(m, 'gmail-address-not-found')).toMatchObject({
      results: [{ status: 'applied', effect: 'bounce' }],
    });
    expect((await message(m.id)).status).toBe('bounced');
  });

  it('another permanent failure (mailbox full) fails the message only', async () => {
    const m = await send(1);
    const raw = bounceFixture('postfix-user-unknown', m)
      .toString()
      .replace('Status: 5.1.1', 'Status: 5.2.2')
      .replace(
        '550 5.1.1 <director@hospital.example.org>: Recipient address\r\n    rejected: User unknown',
        '552 5.2.2 Mailbox full',
      );
    expect(await receiveBounce(deps(), { raw: Buffer.from(raw), recipients: [m.verp] })).toMatchObject({
      results: [
        { status: 'applied', effect: 'fail', reason: '552 5.2.2 Mailbox full in virtual mailbox table' },
      ],
    });
    expect((await message(m.id)).status).toBe('failed');
    expect((await target(m.targetId)).status).toBe('active');
    expect(await alerts()).toEqual([]);
  });

  it('a bounced digest puts the signatures it carried on hold for a new address', async () => {
    const id = await createDigestCampaign(t);
    await sign(t, id, 5);
    rig = await deliveryRig(t);
    expect(await rig.dispatcher.runOnce()).toBe(1);
    const digest = await t.db.kysely
      .selectFrom('messages')
      .selectAll()
      .where('kind', '=', 'digest')
      .executeTakeFirstOrThrow();
    const m = {
      id: digest.id,
      verp: bounceAddress(digest.id, t.config.APP_SECRET, t.config.MAIL_FROM),
      messageId: digest.message_id_header!,
      recipient: digest.to_address!,
    };
    const outcome = await receiveBounce(deps(), {
      raw: bounceFixture('postfix-user-unknown', m),
      recipients: [m.verp],
    });
    expect(outcome).toMatchObject({ results: [{ status: 'applied', effect: 'bounce' }] });
    expect((await messageStatuses(t))[director]).toEqual({ 'digest:bounced': 1, held: 5 });
  });
});
