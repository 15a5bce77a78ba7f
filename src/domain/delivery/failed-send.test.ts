// Every SMTP outcome's consequence for a letter and for a digest, without a database.
import { describe, expect, it } from 'vitest';
import { defaultDeliveryPolicy } from './delivery.js';
import { type FailedMessage, failedSendEffects } from './failed-send.js';
import type { SmtpOutcome } from './smtp-outcome.js';

const now = Date.UTC(2026, 10, 20, 12);
const minute = 60_000;
const letter: FailedMessage = { kind: 'signature', attempts: 1, createdAt: now - 10 * minute };
const digest: FailedMessage = { ...letter, kind: 'digest' };
const retry: SmtpOutcome = { action: 'retry', slowDown: false, reason: '450 4.2.1 try later' };
/** The effects of an outcome that changes nothing but the message's status. */
const untouched = {
  nextAttemptAt: null,
  attemptCounts: true,
  members: null,
  domain: null,
  bounceAddress: false,
};

describe('failedSendEffects', () => {
  it('defers a temporary failure with backoff doubling per attempt, and backs the domain off', () => {
    expect(failedSendEffects(letter, retry, now, defaultDeliveryPolicy)).toEqual({
      status: 'deferred',
      nextAttemptAt: now + minute,
      attemptCounts: true,
      members: null,
      domain: { action: 'back-off', slowDown: false },
      bounceAddress: false,
    });
    const third = failedSendEffects({ ...letter, attempts: 3 }, retry, now, defaultDeliveryPolicy);
    expect(third.nextAttemptAt).toBe(now + 4 * minute);
    const late = failedSendEffects({ ...letter, attempts: 20 }, retry, now, defaultDeliveryPolicy);
    expect(late.nextAttemptAt).toBe(now + defaultDeliveryPolicy.retryMaxMs);
  });

  it('asks the domain to slow down on 451 4.7.500; a digest stays whole while it is deferred', () => {
    const slow: SmtpOutcome = { ...retry, slowDown: true };
    expect(failedSendEffects(digest, slow, now, defaultDeliveryPolicy)).toMatchObject({
      status: 'deferred',
      members: null,
      domain: { action: 'back-off', slowDown: true },
    });
  });

  it('gives a message up once it has failed temporarily for the configured time, from its queueing', () => {
    const old = { ...letter, createdAt: now - defaultDeliveryPolicy.giveUpAfterMs };
    expect(failedSendEffects(old, retry, now, defaultDeliveryPolicy)).toMatchObject({
      status: 'failed',
      nextAttemptAt: null,
      members: null,
      domain: { action: 'back-off', slowDown: false },
    });
    expect(
      failedSendEffects({ ...old, createdAt: old.createdAt + 1 }, retry, now, defaultDeliveryPolicy).status,
    ).toBe('deferred');
    expect(failedSendEffects({ ...old, kind: 'digest' }, retry, now, defaultDeliveryPolicy).members).toBe(
      'failed',
    );
  });

  it('records an unknown outcome and touches nothing else', () => {
    const unknown: SmtpOutcome = { action: 'unknown', reason: 'connection closed after DATA' };
    expect(failedSendEffects(digest, unknown, now, defaultDeliveryPolicy)).toEqual({
      ...untouched,
      status: 'unknown',
    });
  });

  /** Refusals of the message itself or of its address: the letter's effects, and a digest's signatures. */
  const refusals: {
    test: string;
    outcome: SmtpOutcome;
    status: string;
    bounceAddress: boolean;
    members: string;
  }[] = [
    {
      test: 'fails a message refused for itself, and every signature of a digest with it',
      outcome: { action: 'fail', reason: '554 5.6.0 content rejected' },
      status: 'failed',
      bounceAddress: false,
      members: 'failed',
    },
    {
      test: 'bounces the address on 5.1.x; a digest holds its signatures for a new address',
      outcome: { action: 'bounce', reason: '550 5.1.1 no such user' },
      status: 'bounced',
      bounceAddress: true,
      members: 'held',
    },
  ];
  it.each(refusals)('$test', ({ outcome, status, bounceAddress, members }) => {
    expect(failedSendEffects(letter, outcome, now, defaultDeliveryPolicy)).toMatchObject({
      status,
      members: null,
      domain: null,
      bounceAddress,
    });
    expect(failedSendEffects(digest, outcome, now, defaultDeliveryPolicy).members).toBe(members);
  });

  it('pauses the domain on 5.7.x: the letter waits again with its attempt given back, a digest dissolves', () => {
    const block: SmtpOutcome = { action: 'pause-domain', reason: '554 5.7.1 refused by policy' };
    expect(failedSendEffects(letter, block, now, defaultDeliveryPolicy)).toEqual({
      status: 'queued',
      nextAttemptAt: null,
      attemptCounts: false,
      members: null,
      domain: { action: 'pause' },
      bounceAddress: false,
    });
    expect(failedSendEffects(digest, block, now, defaultDeliveryPolicy)).toMatchObject({
      status: 'dissolve',
      members: 'queued',
      domain: { action: 'pause' },
    });
  });
});
