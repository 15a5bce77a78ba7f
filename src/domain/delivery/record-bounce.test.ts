// What a reported failure means, without a database: the same classes as a synchronous SMTP answer, and a
// reason line that is safe to store and to put in editors' mail. recordBounce itself, with its store, is
// tested against SQLite and PostgreSQL in db/bounce.repository.test.ts.
import { describe, expect, it } from 'vitest';
import { reportedRecipient } from '../../../test/factories.js';
import { bounceReason, classifyBounce, statusParts } from './record-bounce.js';

const failed = (status: string | null, diagnostic: string | null = null) =>
  reportedRecipient(status, { diagnostic });

describe('classifyBounce', () => {
  it.each([
    ['5.1.1', 'bounce'],
    ['5.1.10', 'bounce'],
    ['5.1.2', 'bounce'],
    ['5.7.1', 'pause-domain'],
    ['5.7.26', 'pause-domain'],
    ['5.2.2', 'fail'],
    ['5.0.0', 'fail'],
    [null, 'fail'],
  ])(
    '5.1.x bounces the address, 5.7.x pauses the domain, other failures fail the message: %s is %s',
    (status, kind) => {
      expect(classifyBounce(failed(status))).toBe(kind);
    },
  );

  it('a relay that gave up (failed with 4.x.x) failed the message; a delay is only a delay', () => {
    expect(classifyBounce(failed('4.4.7'))).toBe('fail');
    expect(classifyBounce({ ...failed('4.4.1'), action: 'delayed' })).toBe('delay');
    expect(classifyBounce({ ...failed('5.1.1'), action: 'delayed' })).toBe('delay');
  });

  it('success reports mean nothing', () => {
    for (const action of ['delivered', 'relayed', 'expanded'] as const)
      expect(classifyBounce({ ...failed('2.0.0'), action })).toBeNull();
  });
});

describe('bounceReason', () => {
  it("keeps the server's words on one line, without the type prefix, with the code in front when missing", () => {
    expect(bounceReason(failed('5.1.1', 'smtp; 550 5.1.1 <a@b.org>: User\r\n    unknown'))).toBe(
      '550 5.1.1 <a@b.org>: User unknown',
    );
    expect(bounceReason(failed('5.1.1', 'X-Postfix; host not found'))).toBe('5.1.1 host not found');
    expect(bounceReason(failed('5.1.1'))).toBe('5.1.1');
    expect(bounceReason({ ...failed(null), action: 'delayed' })).toBe('delayed');
  });

  it('drops control and direction characters and bounds the length', () => {
    const reason = bounceReason(
      failed('5.1.1', `smtp; 550 5.1.1 \u202eevil\u0000\u2028Bcc: x ${'y'.repeat(900)}`),
    );
    expect(reason).not.toMatch(/[\p{Cc}\u202e\u2028]/u);
    expect(reason.startsWith('550 5.1.1 evil Bcc: x yyy')).toBe(true);
    expect(reason).toHaveLength(500);
  });
});

describe('statusParts', () => {
  it('reads class and subject, not IP addresses', () => {
    expect(statusParts('5.1.10')).toEqual({ cls: 5, subject: 1 });
    expect(statusParts('10.5.1.1')).toBeNull();
    expect(statusParts(null)).toBeNull();
  });
});
