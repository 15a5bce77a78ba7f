// The sender's pure rules: what each SMTP outcome does to a recipient row, when retrying stops, and the
// pace (a bucket that never bursts above a tenth of a second of the rate).
import { describe, expect, it } from 'vitest';
import { defaultMailingSendPolicy as policy, recipientOutcome, SendPace } from './send-policy.js';

const now = 1_000_000;

describe('recipientOutcome', () => {
  it('maps every SMTP action to a row outcome', () => {
    expect(recipientOutcome(1, 'd', { action: 'bounce', reason: '550 5.1.1' }, 1, now, policy)).toEqual({
      id: 1,
      result: 'bounced',
      reason: '550 5.1.1',
    });
    expect(recipientOutcome(1, 'd', { action: 'fail', reason: '554' }, 1, now, policy).result).toBe('failed');
    expect(recipientOutcome(1, 'd', { action: 'unknown', reason: 'dropped' }, 1, now, policy).result).toBe(
      'unknown',
    );
    expect(recipientOutcome(1, 'd', { action: 'pause-domain', reason: '5.7.1' }, 1, now, policy)).toEqual({
      id: 1,
      result: 'held',
      reason: '5.7.1',
      domain: 'd',
    });
  });

  it('retries with a doubling backoff, then gives up', () => {
    const retry = (attempts: number) =>
      recipientOutcome(1, 'd', { action: 'retry', slowDown: true, reason: '451' }, attempts, now, policy);
    expect(retry(1)).toEqual({
      id: 1,
      result: 'retry',
      reason: '451',
      retryAt: now + 60_000,
      domain: 'd',
      slowDown: true,
    });
    expect(retry(3)).toMatchObject({ result: 'retry', retryAt: now + 240_000 });
    expect(retry(policy.maxAttempts)).toEqual({
      id: 1,
      result: 'failed',
      reason: 'gave up after 5 tries: 451',
    });
  });
});

describe('SendPace', () => {
  it('allows a tenth of a second of the rate at once, then the rate', () => {
    const pace = new SendPace(100, now);
    expect(pace.available(now)).toBe(10);
    pace.take(10);
    expect(pace.available(now)).toBe(0);
    expect(pace.waitMs()).toBe(10);
    expect(pace.available(now + 50)).toBe(5);
    // A long quiet spell never saves up more than the burst.
    expect(pace.available(now + 60_000)).toBe(10);
  });

  it('lets a slow mailing send one at a time', () => {
    const pace = new SendPace(2, now);
    expect(pace.available(now)).toBe(1);
    pace.take(1);
    expect(pace.waitMs()).toBe(500);
    expect(pace.available(now + 499)).toBe(0);
    expect(pace.available(now + 500)).toBe(1);
  });
});
