// Mail about supporter mail, end to end below the two doors (receiveBounce → the use cases → this writer)
// on SQLite and PostgreSQL: a supporter on two lists was sent a mailing, then a bounce, a complaint or a
// mailto unsubscribe arrives for it. A hard bounce suppresses the address, three soft bounces in a row do,
// a delivered mailing ends the streak; a complaint (RFC 5965, full or redacted) takes the person off every
// list and suppresses the address; mail to the mailto address unsubscribes. Forged MACs, repeats and
// "not spam" reports change nothing.

import { describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { bounceFixture, forgedMac } from '../../test/bounce-helpers.js';
import { testDialects } from '../../test/db.js';
import type { FakeClock } from '../../test/fake-clock.js';
import {
  type MailedSupporter,
  mailedSupporter,
  mailingSentTo,
  supporterMailFixture,
} from '../../test/supporter-mail-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { receiveBounce } from '../mail/bounce-receive.js';
import { listToken } from '../security/list-token.js';
import { BounceRepository } from './bounce.repository.js';
import { writeRecipientOutcomes } from './mailing-outcome.writer.js';
import { SupporterMailOutcomeWriter } from './supporter-mail-outcome.writer.js';

describe.each(testDialects)('supporter mail outcomes by mail on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;

  appPerTest(dialect, (app) => ({ t, clock } = app));

  const writer = () => new SupporterMailOutcomeWriter(t.db);
  const deps = () => ({
    bounces: new BounceRepository(t.db),
    supporterMail: writer(),
    clock,
    secret: t.config.APP_SECRET,
  });
  const receive = (raw: Buffer, recipients: string[]) => receiveBounce(deps(), { raw, recipients });
  /** A DSN about the mailing (the Postfix "user unknown" bounce of the target tests, rewritten). */
  const userUnknown = (s: MailedSupporter) =>
    bounceFixture('postfix-user-unknown', { verp: s.verp, messageId: s.messageId, recipient: s.email });

  async function supporter(id: number) {
    return t.db.kysely
      .selectFrom('supporters')
      .select(['mail_suppressed_at', 'mail_suppressed_reason', 'soft_bounces'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }
  async function recipient(id: number) {
    return t.db.kysely
      .selectFrom('mailing_recipients')
      .select(['status', 'bounced_at', 'complained_at', 'last_error'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }
  async function lists(supporterId: number) {
    return t.db.kysely
      .selectFrom('list_members as l')
      .innerJoin('consents as c', 'c.id', 'l.consent_id')
      .select(['l.locale', 'l.status', 'c.withdrawn_at', 'c.withdrawn_via'])
      .where('l.supporter_id', '=', supporterId)
      .orderBy('l.locale')
      .execute();
  }

  it('a hard bounce marks the row bounced and suppresses the address at once; the same report twice, once', async () => {
    const s = await mailedSupporter(t);
    clock.advance(60_000);
    const outcome = await receive(userUnknown(s), [s.verp]);
    expect(outcome).toEqual({
      status: 'done',
      results: [
        {
          status: 'applied',
          recipientId: s.recipientId,
          kind: 'hard',
          suppressed: 'hard_bounce',
          reason: '550 5.1.1 <[address]>: Recipient address rejected: User unknown in virtual mailbox table',
        },
      ],
    });
    expect(await recipient(s.recipientId)).toMatchObject({ status: 'bounced', bounced_at: clock.now() });
    expect((await recipient(s.recipientId)).last_error).not.toContain('@');
    expect(await supporter(s.supporterId)).toEqual({
      mail_suppressed_at: clock.now(),
      mail_suppressed_reason: 'hard_bounce',
      soft_bounces: 0,
    });
    // Suppressed, not unsubscribed: the lists and the consent stay as the person left them.
    expect((await lists(s.supporterId)).map((l) => l.status)).toEqual(['subscribed', 'subscribed']);

    const suppressedAt = clock.now();
    clock.advance(60_000);
    expect(await receive(userUnknown(s), [s.verp])).toEqual({
      status: 'done',
      results: [{ status: 'ignored', recipientId: s.recipientId, reason: 'already_recorded' }],
    });
    expect((await supporter(s.supporterId)).mail_suppressed_at).toBe(suppressedAt);
  });

  it('three soft bounces in a row suppress the address; a delivered mailing in between ends the streak', async () => {
    const s = await mailedSupporter(t);
    const full = (m: Omit<MailedSupporter, 'email'>) =>
      receive(supporterMailFixture('mailbox-full', { ...m, email: s.email }), [m.verp]);

    expect(await full(s)).toMatchObject({ results: [{ status: 'applied', kind: 'soft', suppressed: null }] });
    const second = await mailingSentTo(t, s.supporterId);
    await full(second);
    expect(await supporter(s.supporterId)).toMatchObject({ soft_bounces: 2, mail_suppressed_at: null });

    // The next mailing arrives: the sender resets the streak.
    const next = await mailingSentTo(t, s.supporterId);
    await t.db.kysely
      .updateTable('mailing_recipients')
      .set({ status: 'sending' })
      .where('id', '=', next.recipientId)
      .execute();
    await writeRecipientOutcomes(
      t.db.kysely,
      [{ id: next.recipientId, result: 'sent' }],
      t.services.clock.now(),
      {
        retryBaseMs: 1,
        retryMaxMs: 1,
      },
    );
    expect((await supporter(s.supporterId)).soft_bounces).toBe(0);

    for (let i = 1; i <= 3; i++) {
      const m = await mailingSentTo(t, s.supporterId);
      const outcome = await full(m);
      expect(outcome, `soft bounce ${i}`).toMatchObject({
        results: [{ status: 'applied', kind: 'soft', suppressed: i === 3 ? 'soft_bounces' : null }],
      });
      expect((await recipient(m.recipientId)).last_error).toBe(
        '552 5.2.2 <[address]>: Mailbox full, quota exceeded',
      );
    }
    expect(await supporter(s.supporterId)).toMatchObject({
      soft_bounces: 3,
      mail_suppressed_reason: 'soft_bounces',
      mail_suppressed_at: clock.now(),
    });
  });

  it('a policy block or a delay is not held against the address', async () => {
    const s = await mailedSupporter(t);
    const values = { verp: s.verp, messageId: s.messageId, recipient: s.email };
    expect(await receive(bounceFixture('postfix-delayed', values), [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_a_failure' }],
    });
    expect((await recipient(s.recipientId)).status).toBe('sent');
    expect(await receive(bounceFixture('postfix-policy-block', values), [s.verp])).toMatchObject({
      results: [{ status: 'applied', kind: 'policy', suppressed: null }],
    });
    expect((await recipient(s.recipientId)).status).toBe('bounced');
    expect(await supporter(s.supporterId)).toEqual({
      mail_suppressed_at: null,
      mail_suppressed_reason: null,
      soft_bounces: 0,
    });
  });

  it('a report about another mailbox, an out-of-office reply or a row never sent changes nothing', async () => {
    const s = await mailedSupporter(t);
    const forward = bounceFixture('postfix-user-unknown', {
      verp: s.verp,
      messageId: s.messageId,
      recipient: 'ana.forward@elsewhere.example.org',
    });
    expect(await receive(forward, [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'other_recipient' }],
    });
    const ooo = bounceFixture('out-of-office', { verp: s.verp, messageId: s.messageId, recipient: s.email });
    expect(await receive(ooo, [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'auto_reply' }],
    });
    await t.db.kysely
      .updateTable('mailing_recipients')
      .set({ status: 'failed', last_error: 'suppressed' })
      .where('id', '=', s.recipientId)
      .execute();
    expect(await receive(userUnknown(s), [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_sent' }],
    });
    expect((await supporter(s.supporterId)).mail_suppressed_at).toBeNull();
  });

  it('a forged MAC, or a recipient row that does not exist, changes nothing', async () => {
    const s = await mailedSupporter(t);
    const forged = forgedMac(s.verp);
    expect(await receive(userUnknown(s), [forged])).toEqual({ status: 'not_ours' });
    // A target letter's address with the recipient's number is not the recipient's either.
    expect(await receive(userUnknown(s), [s.verp.replace('+r', '+')])).toEqual({ status: 'not_ours' });
    await t.db.kysely.deleteFrom('mailing_recipients').where('id', '=', s.recipientId).execute();
    expect(await receive(userUnknown(s), [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'unknown_recipient' }],
    });
    expect((await supporter(s.supporterId)).mail_suppressed_at).toBeNull();
  });

  it('a complaint at the VERP address takes the person off every list, suppresses the address, once', async () => {
    const s = await mailedSupporter(t);
    clock.advance(60_000);
    const outcome = await receive(supporterMailFixture('arf-abuse', s), [s.verp]);
    expect(outcome).toEqual({
      status: 'done',
      results: [{ status: 'complaint', recipientId: s.recipientId, listsLeft: 2 }],
    });
    expect((await recipient(s.recipientId)).complained_at).toBe(clock.now());
    expect(await lists(s.supporterId)).toEqual([
      { locale: 'en', status: 'unsubscribed', withdrawn_at: clock.now(), withdrawn_via: 'complaint' },
      { locale: 'es', status: 'unsubscribed', withdrawn_at: clock.now(), withdrawn_via: 'complaint' },
    ]);
    expect(await supporter(s.supporterId)).toMatchObject({
      mail_suppressed_at: clock.now(),
      mail_suppressed_reason: 'complaint',
    });
    expect(await receive(supporterMailFixture('arf-abuse', s), [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'already_recorded' }],
    });
  });

  it('a complaint at the feedback address, or piped without one, finds the recipient in the report', async () => {
    const a = await mailedSupporter(t, { email: 'ana@mail.example.net' });
    const b = await mailedSupporter(t, { email: 'ben@fbl.example.com', lists: ['en'] });
    const feedback = 'bounces@outcry.example.org';
    // Full report: Original-Mail-From and the original's Return-Path.
    expect(await receive(supporterMailFixture('arf-abuse', a, feedback), [feedback])).toMatchObject({
      results: [{ status: 'complaint', recipientId: a.recipientId, listsLeft: 2 }],
    });
    // Redacted report, headers only, no envelope recipient: the Return-Path alone names the recipient.
    expect(
      await receive(supporterMailFixture('arf-headers-only', b, 'fbl@outcry.example.org'), []),
    ).toMatchObject({
      results: [{ status: 'complaint', recipientId: b.recipientId, listsLeft: 1 }],
    });
    expect((await supporter(b.supporterId)).mail_suppressed_reason).toBe('complaint');
  });

  it('a "not spam" report, a complaint naming a forged address, or other mail at the feedback address change nothing', async () => {
    const s = await mailedSupporter(t);
    const notSpam = Buffer.from(
      supporterMailFixture('arf-abuse', s)
        .toString('utf8')
        .replace('Feedback-Type: abuse', 'Feedback-Type: not-spam'),
    );
    expect(await receive(notSpam, [s.verp])).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_a_complaint' }],
    });
    const forged = forgedMac(s.verp);
    const feedback = 'bounces@outcry.example.org';
    const forgedReport = supporterMailFixture('arf-abuse', { ...s, verp: forged }, feedback);
    expect(await receive(forgedReport, [feedback])).toEqual({
      status: 'done',
      results: [{ status: 'ignored', reason: 'not_a_complaint' }],
    });
    expect(await receive(userUnknown(s), [feedback])).toMatchObject({
      results: [{ status: 'ignored', reason: 'not_a_complaint' }],
    });
    expect((await lists(s.supporterId)).map((l) => l.status)).toEqual(['subscribed', 'subscribed']);
    expect((await supporter(s.supporterId)).mail_suppressed_at).toBeNull();
  });

  it('mail to the mailto unsubscribe address takes the person off every list; a forged token does nothing', async () => {
    const s = await mailedSupporter(t);
    const other = await mailedSupporter(t, { email: 'ben@example.org' });
    const forgedToken = listToken(other.supporterId, 'another-secret-another-secret-another-secret');
    const forged = s.unsubscribe.replace(s.token, forgedToken);
    expect(await receive(supporterMailFixture('mailto-unsubscribe', s, forged), [forged])).toEqual({
      status: 'not_ours',
    });
    clock.advance(60_000);
    // Through the pipe's argument, and (again, harmlessly) found in Delivered-To without one.
    expect(
      await receive(supporterMailFixture('mailto-unsubscribe', s, s.unsubscribe), [s.unsubscribe]),
    ).toEqual({
      status: 'done',
      results: [{ status: 'unsubscribed', supporterId: s.supporterId, listsLeft: 2 }],
    });
    expect(await lists(s.supporterId)).toEqual([
      { locale: 'en', status: 'unsubscribed', withdrawn_at: clock.now(), withdrawn_via: 'mailto' },
      { locale: 'es', status: 'unsubscribed', withdrawn_at: clock.now(), withdrawn_via: 'mailto' },
    ]);
    expect(await receive(supporterMailFixture('mailto-unsubscribe', s, s.unsubscribe), [])).toMatchObject({
      results: [{ status: 'unsubscribed', listsLeft: 0 }],
    });
    // Unsubscribing is not suppression: a new opt-in may bring them back.
    expect((await supporter(s.supporterId)).mail_suppressed_at).toBeNull();
    expect((await lists(other.supporterId)).map((l) => l.status)).toEqual(['subscribed', 'subscribed']);
  });
});
