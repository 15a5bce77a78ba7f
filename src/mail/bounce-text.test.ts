// The text rules behind bounce reading: delivery-status fields (folding, case, repeats), addresses in
// report syntax, status codes refined from the server's words, and the free-text fallback with its
// guards (IP addresses are not status codes; the returned letter below the marker is never read).
import { describe, expect, it } from 'vitest';
import {
  dsnAddress,
  dsnMessageId,
  dsnRecipients,
  fieldGroups,
  looksLikeAutoReply,
  looksLikeBounce,
  messageIdOf,
  refineStatus,
  textBounce,
} from './bounce-text.js';

describe('delivery-status fields', () => {
  it('groups fields by blank lines, joins folded lines, lower-cases names, keeps the first of a repeat', () => {
    const groups = fieldGroups(
      'Reporting-MTA: dns; a\r\n\r\nFinal-Recipient: rfc822; x@y.org\r\nDiagnostic-Code: smtp; 550\r\n  still here\r\nACTION: failed\r\naction: delivered\r\nnot a field\r\n',
    );
    expect(groups.map((g) => Object.fromEntries(g))).toEqual([
      { 'reporting-mta': 'dns; a' },
      { 'final-recipient': 'rfc822; x@y.org', 'diagnostic-code': 'smtp; 550 still here', action: 'failed' },
    ]);
  });

  it('reads addresses in report syntax', () => {
    expect(dsnAddress('rfc822; Director@Hospital.example.org')).toBe('director@hospital.example.org');
    expect(dsnAddress('RFC822;<a@b.org>')).toBe('a@b.org');
    expect(dsnAddress('rfc822; a@b.org.')).toBe('a@b.org');
    expect(dsnAddress('rfc822; ')).toBeNull();
    expect(dsnAddress(undefined)).toBeNull();
  });

  it('derives the action from the status when the action is missing or unknown', () => {
    expect(dsnRecipients('\nFinal-Recipient: rfc822; a@b.org\nStatus: 5.2.2\n')).toMatchObject([
      { action: 'failed', status: '5.2.2' },
    ]);
    expect(
      dsnRecipients('\nFinal-Recipient: rfc822; a@b.org\nAction: whatever\nStatus: 4.2.2\n'),
    ).toMatchObject([{ action: 'delayed', status: '4.2.2' }]);
    expect(dsnRecipients('\nFinal-Recipient: rfc822; a@b.org\nAction: Delivered (ok)\n')).toMatchObject([
      { action: 'delivered', status: null },
    ]);
    expect(dsnRecipients('\nFinal-Recipient: rfc822; a@b.org\n')).toEqual([]);
  });

  it('keeps at most 100 recipient blocks', () => {
    const body = '\nAction: failed\nStatus: 5.1.1\n'.repeat(500);
    expect(dsnRecipients(body)).toHaveLength(100);
  });
});

describe('refineStatus', () => {
  it('prefers a specific status, refines x.0.0 from the words, maps bare 5xx by phrase', () => {
    expect(refineStatus('5.1.1', 'smtp; 550 5.7.1 whatever')).toBe('5.1.1');
    expect(refineStatus('5.0.0', 'smtp; 550 5.1.1 No such user')).toBe('5.1.1');
    expect(refineStatus('5.0.0', 'smtp; 550 4.1.1 odd')).toBe('5.0.0');
    expect(refineStatus('5.0.0', 'smtp; 550 Mailbox unavailable')).toBe('5.1.1');
    expect(refineStatus(null, '554 Message rejected due to spam content')).toBe('5.7.1');
    expect(refineStatus(null, '552 Message size exceeds fixed limit')).toBe('5.0.0');
    expect(refineStatus(null, '421 Try again later')).toBe('4.0.0');
    expect(refineStatus('5.1.10 (extra)', null)).toBe('5.1.10');
    expect(refineStatus(null, null)).toBeNull();
  });

  it('does not read an IP address or a version number as a status code', () => {
    expect(refineStatus(null, 'connect to 10.4.2.1: refused')).toBeNull();
    expect(refineStatus(null, 'Exim 4.96 at 192.0.2.10')).toBeNull();
  });
});

describe('textBounce', () => {
  it('reads "Remote host said: 550 User unknown" with the address above it', () => {
    const found = textBounce({
      text: 'Sorry.\n\n<Someone@Example.org>:\n192.0.2.1 does not like recipient.\nRemote host said: 550 User unknown\n',
      failedRecipients: [],
    });
    expect(found?.recipient).toEqual({
      action: 'failed',
      status: '5.1.1',
      diagnostic: 'Remote host said: 550 User unknown',
      finalRecipient: 'someone@example.org',
      originalRecipient: null,
    });
  });

  it('a 4xx warning is a delay; a 4xx the relay gave up on is a failure', () => {
    const delay = textBounce({ text: 'Still trying.\n451 4.4.1 timeout to a@b.org\n', failedRecipients: [] });
    expect(delay?.recipient).toMatchObject({ action: 'delayed', status: '4.4.1', finalRecipient: 'a@b.org' });
    const gaveUp = textBounce({
      text: 'This is a permanent error; I have given up.\n451 4.4.1 timeout to a@b.org\n',
      failedRecipients: [],
    });
    expect(gaveUp?.recipient.action).toBe('failed');
  });

  it('takes X-Failed-Recipients over addresses in the text, and never our own or the daemon addresses', () => {
    const found = textBounce({
      text: 'From MAILER-DAEMON@relay.example.net to bounces+1-abcdefghijkl@x.org:\n550 5.1.1 gone\n',
      failedRecipients: ['Target@Example.org'],
    });
    expect(found?.recipient.finalRecipient).toBe('target@example.org');
    const none = textBounce({
      text: 'From MAILER-DAEMON@relay.example.net to bounces+1-abcdefghijkl@x.org:\n550 5.1.1 gone\n',
      failedRecipients: [],
    });
    expect(none?.recipient.finalRecipient).toBeNull();
  });

  it('reads nothing below the returned-message marker, and nothing without a code', () => {
    expect(
      textBounce({
        text: 'We could not deliver it.\n\n--- Below this line is a copy of the message.\n\n550 5.1.1 x\n',
        failedRecipients: [],
      }),
    ).toBeNull();
    expect(textBounce({ text: 'Room 404, 10.2.5.1, version 5.1', failedRecipients: [] })).toBeNull();
  });
});

describe('what a message looks like', () => {
  it('a bounce: the daemon sender, X-Failed-Recipients, or a bounce subject', () => {
    expect(looksLikeBounce({ from: 'MAILER-DAEMON@x.org', subject: '', failedRecipients: [] })).toBe(true);
    expect(looksLikeBounce({ from: 'postmaster@x.org', subject: '', failedRecipients: [] })).toBe(true);
    expect(looksLikeBounce({ from: 'a@x.org', subject: 'Undeliverable: hi', failedRecipients: [] })).toBe(
      true,
    );
    expect(looksLikeBounce({ from: 'a@x.org', subject: 'hi', failedRecipients: ['b@y.org'] })).toBe(true);
    expect(looksLikeBounce({ from: 'a@x.org', subject: 'Re: your letter', failedRecipients: [] })).toBe(
      false,
    );
  });

  it('an automatic reply: RFC 3834, vendor flags, Precedence, or an out-of-office subject', () => {
    const base = { subject: 'Re: hi', autoSubmitted: '', precedence: '', vendorFlag: false };
    expect(looksLikeAutoReply(base)).toBe(false);
    expect(looksLikeAutoReply({ ...base, autoSubmitted: 'auto-replied' })).toBe(true);
    expect(looksLikeAutoReply({ ...base, autoSubmitted: 'no' })).toBe(false);
    expect(looksLikeAutoReply({ ...base, vendorFlag: true })).toBe(true);
    expect(looksLikeAutoReply({ ...base, precedence: 'auto_reply' })).toBe(true);
    expect(looksLikeAutoReply({ ...base, subject: 'Out of Office: hi' })).toBe(true);
    expect(looksLikeAutoReply({ ...base, subject: 'Réponse automatique : hi' })).toBe(true);
  });
});

// Anyone can mail a bounce address. Runs of `@`, `<`, spaces and `a` that end where no address can, so a
// backtracking pattern would try every split; no timing is asserted (a slow parse meets vitest's timeout).
describe('hostile bounce text', () => {
  const runs = (n: number) => [
    `${'@'.repeat(n - 1)}"`,
    `${'<'.repeat(n - 1)}@`,
    `a${' '.repeat(n - 2)}<`,
    `${'a'.repeat(n / 2)}@${'a'.repeat(n / 2 - 1)}"`,
    `<${'a@'.repeat(n / 2 - 1)}<`,
  ];

  it('reads report-syntax addresses up to the line limit in one pass, and refuses longer values', () => {
    for (const run of runs(2_000)) expect(dsnAddress(`rfc822; ${run}`)).toBeNull();
    for (const run of runs(50_000)) expect(dsnAddress(`rfc822; ${run}`)).toBeNull();
    expect(dsnAddress(`rfc822; ${'a'.repeat(60)}@${'b'.repeat(60)}.org`)).toBe(
      `${'a'.repeat(60)}@${'b'.repeat(60)}.org`,
    );
  });

  it('finishes on 50,000-character runs in every field and in free text', () => {
    const fields: Record<string, string> = {
      'Final-Recipient': 'rfc822; a@b.org',
      'Original-Recipient': 'rfc822; a@b.org',
      Action: 'failed',
      Status: '5.1.1',
      'Diagnostic-Code': 'smtp; 550 5.1.1',
    };
    for (const run of runs(50_000)) {
      for (const hostile of Object.keys(fields)) {
        const lines = Object.entries(fields).map(([f, v]) => `${f}: ${f === hostile ? run : v}`);
        expect(dsnRecipients(`Reporting-MTA: dns; x\n\n${lines.join('\n')}\n`)).toMatchObject([
          { action: 'failed' },
        ]);
      }
      expect(dsnMessageId(`X-Original-Message-ID: ${run}\n`)).toBeNull();
      expect(messageIdOf(`Message-ID: ${run}\n`)).toBeNull();
      for (const text of [
        `${run}\n550 5.1.1 x`,
        `550 5.1.1 ${run}`,
        `${run} original message ${run}\n550 5.1.1`,
      ]) {
        expect(textBounce({ text, failedRecipients: [] })?.recipient.finalRecipient ?? null).toBeNull();
      }
      expect(looksLikeBounce({ from: run, subject: run, failedRecipients: [] })).toBe(false);
      expect(
        looksLikeAutoReply({ subject: run, autoSubmitted: '', precedence: run, vendorFlag: false }),
      ).toBe(false);
      expect(refineStatus(run, run)).toBeNull();
    }
  });

  it('still finds Message-IDs and addresses among the noise', () => {
    expect(dsnMessageId(`\nX-Original-Message-ID: <${'a'.repeat(300)}> <x@y> <outcry.1.ab@x.org>\n`)).toBe(
      '<x@y>',
    );
    expect(messageIdOf('Message-ID: <<< <outcry.12.ab@x.org>\n')).toBe('<outcry.12.ab@x.org>');
    const found = textBounce({
      text: `${'@'.repeat(1_000)} <Target@Example.org.>: ${'a'.repeat(100)}@\n550 5.1.1 gone\n-----Original Message-----\n550 5.1.1 x\n`,
      failedRecipients: [],
    });
    expect(found?.recipient.finalRecipient).toBe('target@example.org');
  });
});
