// Every SMTP answer from quality.md mapped to what delivery does with it.
import { describe, expect, it } from 'vitest';
import { backoffMs, classifySmtpFailure } from './smtp-outcome.js';

const reply = (responseCode: number, response: string, command = 'RCPT TO') => ({
  responseCode,
  response: `${responseCode} ${response}`,
  command,
});

describe('classifySmtpFailure', () => {
  it.each([
    ['421 on connect', reply(421, '4.7.0 Try again later', 'CONN'), 'retry'],
    ['450 greylisting', reply(450, '4.2.0 Greylisted, try again'), 'retry'],
    ['452 too many recipients', reply(452, '4.5.3 Too many recipients'), 'retry'],
    ['552 on RCPT (RFC 5321: treat as 452)', reply(552, '5.2.2 Mailbox full'), 'retry'],
    ['550 5.1.1 no such user', reply(550, '5.1.1 No such user'), 'bounce'],
    ['550 without enhanced code on RCPT', reply(550, 'No such user here'), 'bounce'],
    ['554 5.7.1 policy block', reply(554, '5.7.1 Message refused by policy', 'DATA'), 'pause-domain'],
    ['550 5.7.1 on RCPT', reply(550, '5.7.1 Relaying denied'), 'pause-domain'],
    ['554 5.6.0 content error', reply(554, '5.6.0 Message content rejected', 'DATA'), 'fail'],
    ['refused connection', { code: 'ESOCKET', command: 'CONN', afterData: false }, 'retry'],
    ['drop after DATA', { code: 'ECONNECTION', command: 'CONN', afterData: true }, 'unknown'],
    ['timeout mid-DATA', { code: 'ETIMEDOUT', afterData: true }, 'unknown'],
  ])('%s → %s', (_label, failure, action) => {
    expect(classifySmtpFailure(failure).action).toBe(action);
  });

  it('asks to slow the domain down on 451 4.7.500 only', () => {
    expect(classifySmtpFailure(reply(451, '4.7.500 Server busy, slow down', 'DATA'))).toMatchObject({
      action: 'retry',
      slowDown: true,
    });
    expect(classifySmtpFailure(reply(451, '4.3.0 Local error', 'DATA'))).toMatchObject({ slowDown: false });
  });

  it('keeps the reason short and on one line', () => {
    const out = classifySmtpFailure({ responseCode: 550, response: `550 5.1.1 ${'x'.repeat(900)}\r\nmore` });
    expect(out.reason.length).toBeLessThanOrEqual(500);
    expect(out.reason).not.toMatch(/[\r\n]/);
  });
});

describe('backoffMs', () => {
  it('doubles from one minute and stops at the cap', () => {
    expect([1, 2, 3, 4].map((n) => backoffMs(n, 60_000, 7_200_000))).toEqual([
      60_000, 120_000, 240_000, 480_000,
    ]);
    expect(backoffMs(50, 60_000, 7_200_000)).toBe(7_200_000);
  });
});
