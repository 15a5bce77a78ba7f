// The supporter-mail bounce rules without a database: which failures count against an address, when the
// streak suppresses it, and which feedback reports are complaints. recordSupporterBounce, recordComplaint
// and unsubscribeByMail with their store are tested on SQLite and PostgreSQL in
// db/supporter-mail-outcome.writer.test.ts.
import { describe, expect, it } from 'vitest';
import { reportedRecipient } from '../../../test/factories.js';
import { isComplaint } from './record-complaint.js';
import { softBounceLimit, supporterBounceKind, suppressionAfter } from './supporter-bounce.js';

const failed = (status: string | null, action: 'failed' | 'delayed' | 'delivered' = 'failed') =>
  reportedRecipient(status, { action });

describe('supporterBounceKind', () => {
  it.each([
    [null, 'soft'],
    ['5.1.1', 'hard'],
    ['5.1.10', 'hard'],
    ['5.7.1', 'policy'],
    ['5.2.2', 'soft'],
    ['4.4.7', 'soft'],
  ])(
    "a missing mailbox is hard, a policy block is the domain's, other failures (or none given) are soft: %s is %s",
    (status, kind) => {
      expect(supporterBounceKind(failed(status))).toBe(kind);
    },
  );

  it('a delay or a success report is no bounce at all', () => {
    expect(supporterBounceKind(failed('4.4.1', 'delayed'))).toBeNull();
    expect(supporterBounceKind(failed('5.1.1', 'delayed'))).toBeNull();
    expect(supporterBounceKind(failed('2.0.0', 'delivered'))).toBeNull();
  });
});

describe('suppressionAfter', () => {
  it('a hard bounce suppresses at once, whatever the streak', () => {
    expect(suppressionAfter('hard', 0)).toBe('hard_bounce');
  });

  it('soft bounces suppress on the third in a row, not before', () => {
    expect(softBounceLimit).toBe(3);
    expect(suppressionAfter('soft', 1)).toBeNull();
    expect(suppressionAfter('soft', 2)).toBeNull();
    expect(suppressionAfter('soft', 3)).toBe('soft_bounces');
    expect(suppressionAfter('soft', 7)).toBe('soft_bounces');
  });

  it('a policy block never suppresses the address', () => {
    expect(suppressionAfter('policy', 99)).toBeNull();
  });
});

describe('isComplaint', () => {
  it('every feedback type but "not-spam" says the person did not want the mail', () => {
    for (const type of ['abuse', 'fraud', 'virus', 'other', null])
      expect(isComplaint(type), String(type)).toBe(true);
    expect(isComplaint('not-spam')).toBe(false);
  });
});
