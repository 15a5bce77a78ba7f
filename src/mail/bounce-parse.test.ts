// Reading received bounces: real-shaped reports from Postfix, Exchange, Gmail, and the free-text kinds
// (qmail, Exim), each read into the facts record-bounce decides on; auto-replies, read receipts, spam and
// broken or huge input read as "not a bounce", never as an exception.
import { describe, expect, it } from 'vitest';
import { type BounceFixture, bounceFixture, sampleValues } from '../../test/bounce-helpers.js';
import { supporterMailFixture } from '../../test/supporter-mail-helpers.js';
import { classifyBounce } from '../domain/delivery/record-bounce.js';
import { bounceMaxBytes, parseBounce, parseMessage, verpCandidates } from './bounce-parse.js';

const v = sampleValues;

describe('parseBounce', () => {
  it.each(
    [
      {
        what: 'a Postfix DSN: failed 5.1.1 for the recipient, folded diagnostic, original Message-ID',
        fixture: 'postfix-user-unknown' as BounceFixture,
        format: 'dsn',
        status: '5.1.1',
        diagnostic:
          'smtp; 550 5.1.1 <director@hospital.example.org>: Recipient address rejected: User unknown in virtual mailbox table',
        originalRecipient: v.recipient,
      },
      {
        what: 'an Exchange Online NDR: lower-case field names, 5.1.10, the address lower-cased',
        fixture: 'exchange-recipient-not-found' as BounceFixture,
        format: 'dsn',
        status: '5.1.10',
        diagnostic:
          'smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
        originalRecipient: null,
      },
      {
        what: 'a qmail failure notice from its text, not from the returned letter below the line',
        fixture: 'qmail-failure-notice' as BounceFixture,
        format: 'text',
        status: '5.1.1',
        diagnostic:
          'Remote host said: 550 5.1.1 <director@hospital.example.org>: Recipient address rejected: User unknown',
        originalRecipient: null,
      },
    ].map((c) => [c.what, c] as const),
  )('reads %s', async (_what, { fixture, format, status, diagnostic, originalRecipient }) => {
    const report = await parseBounce(bounceFixture(fixture, v));
    expect(report).toEqual({
      kind: 'report',
      format,
      originalMessageId: v.messageId,
      recipients: [{ action: 'failed', status, diagnostic, finalRecipient: v.recipient, originalRecipient }],
    });
    if (report.kind === 'report') expect(classifyBounce(report.recipients[0]!)).toBe('bounce');
  });

  it.each(
    [
      {
        what: 'a Postfix delay warning as delayed 4.4.1',
        fixture: 'postfix-delayed' as BounceFixture,
        expected: {
          format: 'dsn',
          recipients: [{ action: 'delayed', status: '4.4.1', finalRecipient: v.recipient }],
        },
        classified: 'delay',
      },
      {
        what: 'a policy block as 5.7.1',
        fixture: 'postfix-policy-block' as BounceFixture,
        expected: { recipients: [{ action: 'failed', status: '5.7.1' }] },
        classified: 'pause-domain',
      },
      {
        what: "Gmail's DSN, whose Message-ID is among the per-message fields",
        fixture: 'gmail-address-not-found' as BounceFixture,
        expected: {
          format: 'dsn',
          originalMessageId: v.messageId,
          recipients: [
            {
              action: 'failed',
              status: '5.1.1',
              finalRecipient: v.recipient,
              diagnostic: expect.stringMatching(/^smtp; 550-5\.1\.1 The/),
            },
          ],
        },
        classified: 'bounce',
      },
      {
        what: 'an Exim bounce with only "550 User unknown" as a missing mailbox (5.1.1)',
        fixture: 'exim-user-unknown' as BounceFixture,
        expected: {
          format: 'text',
          originalMessageId: v.messageId,
          recipients: [
            {
              action: 'failed',
              status: '5.1.1',
              diagnostic: '550 User unknown',
              finalRecipient: v.recipient,
            },
          ],
        },
        classified: 'bounce',
      },
    ].map((c) => [c.what, c] as const),
  )('reads %s', async (_what, { fixture, expected, classified }) => {
    const report = await parseBounce(bounceFixture(fixture, v));
    expect(report).toMatchObject({ kind: 'report', ...expected });
    if (report.kind === 'report') expect(classifyBounce(report.recipients[0]!)).toBe(classified);
  });

  it('an out-of-office reply is an auto-reply, even when it quotes "550 5.1.1 User unknown"', async () => {
    expect(await parseBounce(bounceFixture('out-of-office', v))).toEqual({ kind: 'auto-reply' });
  });

  it('a read receipt is not a bounce', async () => {
    expect(await parseBounce(bounceFixture('read-receipt', v))).toEqual({
      kind: 'other',
      why: 'a disposition-notification report',
    });
  });

  it('spam sent to a bounce address is not a bounce, whatever its text says', async () => {
    const spam = Buffer.from(
      'From: Winner <promo@spam.example>\r\nTo: bounces+1-abcdefghijkl@outcry.example.org\r\nSubject: You won\r\n\r\n550 5.1.1 claim your prize\r\n',
    );
    expect(await parseBounce(spam)).toMatchObject({ kind: 'other' });
  });

  it('hostile and broken input reads as not a bounce, without throwing', async () => {
    const cases = [
      Buffer.alloc(0),
      Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x0d, 0x0a, 0x0d, 0x0a, 0xc3, 0x28]),
      Buffer.from('Content-Type: multipart/report; report-type=delivery-status; boundary="x"\r\n\r\n--x\r\n'),
      Buffer.from(
        `Content-Type: multipart/mixed; boundary="b"\r\n\r\n${'--b\r\nContent-Type: text/plain\r\n\r\nx\r\n'.repeat(200)}--b--\r\n`,
      ),
      Buffer.from(`Subject: ${'x'.repeat(300_000)}\r\n\r\nbody\r\n`),
      Buffer.from(
        'From: MAILER-DAEMON@x.example\r\nSubject: failure notice\r\nContent-Type: message/delivery-status\r\n\r\nAction: failed\r\nStatus: \u202e5.1.1\r\n',
      ),
    ];
    const reports = [];
    for (const raw of cases) reports.push(await parseBounce(raw));
    expect(reports.slice(0, 5).map((r) => r.kind)).toEqual(['other', 'other', 'other', 'other', 'other']);
    // Over 64 parts, or a 300 kB header: refused by mailparser's limits, read as unreadable.
    expect(reports.slice(3, 5)).toEqual([
      { kind: 'other', why: 'unreadable message' },
      { kind: 'other', why: 'unreadable message' },
    ]);
    // A bare report with a direction override in its code: the code is read, the override dropped.
    expect(reports[5]).toMatchObject({
      kind: 'report',
      recipients: [{ status: '5.1.1', finalRecipient: null }],
    });
  });

  it('does not read a message over the size limit', async () => {
    const huge = Buffer.alloc(bounceMaxBytes + 1, 'a');
    expect(await parseBounce(huge)).toEqual({ kind: 'other', why: 'larger than the bounce size limit' });
  });

  it('finds VERP addresses in Delivered-To, X-Original-To, Envelope-To and To, in that order', async () => {
    const parsed = await parseMessage(
      Buffer.from(
        [
          'To: Someone <bounces+7-bbbbbbbbbbbb@outcry.example.org>',
          'Envelope-to: bounces+8-cccccccccccc@outcry.example.org',
          'Delivered-To: bounces+9-aaaaaaaaaaaa@outcry.example.org',
          'Subject: x',
          '',
          'x',
        ].join('\r\n'),
      ),
    );
    expect(verpCandidates(parsed!)).toEqual([
      'bounces+9-aaaaaaaaaaaa@outcry.example.org',
      'bounces+8-cccccccccccc@outcry.example.org',
      'bounces+7-bbbbbbbbbbbb@outcry.example.org',
    ]);
  });
});

describe('parseBounce on feedback reports (RFC 5965 complaints)', () => {
  const s = {
    verp: 'bounces+r42-abcdefghijkl@outcry.example.org',
    messageId: '<mailing.7.42@outcry.example.org>',
    token: '42.abcdefghijklmnopqrstuv',
    email: 'ana@mail.example.net',
  };

  it.each([
    [
      'the feedback type and the original envelope sender from a full report',
      'arf-abuse',
      'bounces@outcry.example.org',
    ],
    [
      'the sender in the Return-Path of headers-only reports that redact the person',
      'arf-headers-only',
      'fbl@outcry.example.org',
    ],
  ] as const)('reads %s', async (_what, fixture, to) => {
    expect(await parseBounce(supporterMailFixture(fixture, s, to))).toEqual({
      kind: 'complaint',
      feedbackType: 'abuse',
      originalSenders: [s.verp],
      originalMessageId: s.messageId,
    });
  });

  it("a mailto unsubscribe names its address in Delivered-To, a mailing recipient's VERP is found too", async () => {
    const unsubscribe = `unsubscribe+${s.token}@outcry.example.org`;
    const parsed = await parseMessage(supporterMailFixture('mailto-unsubscribe', s, unsubscribe));
    expect(verpCandidates(parsed!)).toEqual([unsubscribe]);
    const bounce = await parseMessage(supporterMailFixture('mailbox-full', s));
    expect(verpCandidates(bounce!)).toEqual([s.verp]);
  });
});

describe('hostile feedback reports', () => {
  // Runs of the characters an address reader looks for, in every field a complaint is read from; no
  // timing is asserted (a backtracking read would meet vitest's timeout); what is kept stays short, and
  // only a VERP address whose MAC verifies names anyone (bounce-receive.ts).
  it('long runs of @, < and spaces in Original-Mail-From and Return-Path are read once, and bounded', async () => {
    for (const run of [
      '@'.repeat(100_000),
      '<'.repeat(100_000),
      `a${' '.repeat(100_000)}@`,
      'a@'.repeat(50_000),
    ]) {
      const raw = [
        'From: fbl@example.net',
        'To: bounces@outcry.example.org',
        'Content-Type: multipart/report; report-type=feedback-report; boundary="b"',
        '',
        '--b',
        'Content-Type: message/feedback-report',
        '',
        'Feedback-Type: abuse',
        `Original-Mail-From: ${run}`,
        '',
        '--b',
        'Content-Type: text/rfc822-headers',
        '',
        `Return-Path: ${run}`,
        `Message-ID: ${run}`,
        '',
        '--b--',
        '',
      ].join('\r\n');
      const report = await parseBounce(Buffer.from(raw));
      expect(report.kind).toBe('complaint');
      if (report.kind === 'complaint') {
        expect(report.originalSenders.every((a) => a.length < 2_001)).toBe(true);
        expect(report.originalMessageId).toBeNull();
      }
    }
  });
});
