// The job queue on both dialects: the outbox joins its caller's transaction, claims honour run_at and
// leases, failures back off and end dead with their reason, and a stolen lease cannot be completed.
import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { FakeClock } from '../../test/fake-clock.js';
import { backoffCapMs, backoffDelay, enqueueJobs, JobRepository, maxErrorLength } from './job.repository.js';

describe('backoffDelay', () => {
  it('doubles from 30 s, stops at 6 h and adds at most 10 % jitter', () => {
    const none = () => 0;
    expect([1, 2, 3, 4].map((a) => backoffDelay(a, none))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(backoffDelay(30, none)).toBe(backoffCapMs);
    expect(backoffDelay(1, () => 0.999)).toBe(30_000 + 2_997);
    expect(backoffDelay(40, () => 0.999)).toBeLessThan(backoffCapMs * 1.1);
  });
});

describe.each(testDialects)('JobRepository on %s', (dialect) => {
  let db: TestDb;
  let repo: JobRepository;
  let clock: FakeClock;
  const lease = 60_000;

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    repo = new JobRepository(db, { random: () => 0 });
    clock = new FakeClock();
  });

  it('enqueues inside the caller’s transaction: a rollback leaves no job, a commit keeps the payload', async () => {
    await expect(
      db.kysely.transaction().execute(async (trx) => {
        await enqueueJobs(trx, [{ kind: 'send-email', payload: { to: 'a@example.org' } }], clock.now());
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await repo.countByStatus()).toEqual({ queued: 0, running: 0, done: 0, dead: 0 });

    await db.kysely.transaction().execute(async (trx) => {
      await enqueueJobs(
        trx,
        [{ kind: 'send-email', payload: { to: 'a@example.org', n: [1, 2] } }],
        clock.now(),
      );
    });
    const [job] = await repo.claim('w1', 10, lease, clock.now());
    expect(job).toMatchObject({
      kind: 'send-email',
      payload: { to: 'a@example.org', n: [1, 2] },
      attempts: 1,
      maxAttempts: 10,
    });
  });

  it('inserts large batches in chunks', async () => {
    const jobs = Array.from({ length: 1_234 }, (_, i) => ({ kind: 'k', payload: { i } }));
    await enqueueJobs(db.kysely, jobs, clock.now());
    expect((await repo.countByStatus()).queued).toBe(1_234);
  });

  it('claims only due jobs, oldest run_at first, up to the limit', async () => {
    const now = clock.now();
    await enqueueJobs(
      db.kysely,
      [
        { kind: 'later', payload: null, runAt: now + 60_000 },
        { kind: 'b', payload: null, runAt: now - 1_000 },
        { kind: 'a', payload: null, runAt: now - 2_000 },
        { kind: 'c', payload: null },
      ],
      now,
    );
    const long = 10 * lease;
    expect((await repo.claim('w1', 2, long, now)).map((j) => j.kind)).toEqual(['a', 'b']);
    expect((await repo.claim('w1', 10, long, now)).map((j) => j.kind)).toEqual(['c']);
    expect(await repo.claim('w1', 10, lease, now + 59_999)).toEqual([]);
    clock.advance(60_000);
    expect((await repo.claim('w1', 10, lease, clock.now())).map((j) => j.kind)).toEqual(['later']);
    expect(await repo.countByStatus()).toEqual({ queued: 0, running: 4, done: 0, dead: 0 });
  });

  it('re-claims a crashed worker’s job once its lease expires, and the old worker can no longer finish it', async () => {
    await enqueueJobs(db.kysely, [{ kind: 'k', payload: 1 }], clock.now());
    const [first] = await repo.claim('crashed', 1, lease, clock.now());
    expect(first?.attempts).toBe(1);
    clock.advance(lease - 1);
    expect(await repo.claim('w2', 1, lease, clock.now())).toEqual([]);
    clock.advance(1);
    const [again] = await repo.claim('w2', 1, lease, clock.now());
    expect(again).toMatchObject({ id: first?.id, attempts: 2 });

    expect(await repo.complete(first!.id, 'crashed', clock.now())).toBe(false);
    expect(await repo.fail(first!.id, 'crashed', 'late', clock.now())).toBe('lost');
    expect(await repo.extendLease(first!.id, 'crashed', lease, clock.now())).toBe(false);
    expect(await repo.complete(first!.id, 'w2', clock.now())).toBe(true);
    expect(await repo.countByStatus()).toMatchObject({ running: 0, done: 1 });
  });

  it('an extended lease is not taken over', async () => {
    await enqueueJobs(db.kysely, [{ kind: 'k', payload: 1 }], clock.now());
    const [job] = await repo.claim('w1', 1, lease, clock.now());
    clock.advance(lease - 1);
    expect(await repo.extendLease(job!.id, 'w1', lease, clock.now())).toBe(true);
    clock.advance(lease - 1);
    expect(await repo.claim('w2', 1, lease, clock.now())).toEqual([]);
  });

  it('backs off exponentially, then ends dead with the (truncated) last error', async () => {
    await enqueueJobs(db.kysely, [{ kind: 'k', payload: 1, maxAttempts: 4 }], clock.now());
    for (const delay of [30_000, 60_000, 120_000]) {
      const [job] = await repo.claim('w1', 1, lease, clock.now());
      expect(await repo.fail(job!.id, 'w1', `smtp down before ${delay}`, clock.now())).toBe('retry');
      expect(await repo.claim('w1', 1, lease, clock.now() + delay - 1)).toEqual([]);
      clock.advance(delay);
    }
    const [last] = await repo.claim('w1', 1, lease, clock.now());
    expect(last?.attempts).toBe(4);
    expect(await repo.fail(last!.id, 'w1', 'x'.repeat(5_000), clock.now())).toBe('dead');
    clock.advance(backoffCapMs * 2);
    expect(await repo.claim('w1', 1, lease, clock.now())).toEqual([]);

    const [dead] = await repo.listDead(10);
    expect(dead).toMatchObject({ id: last?.id, kind: 'k', payload: 1, attempts: 4, maxAttempts: 4 });
    expect(dead?.lastError).toBe('x'.repeat(maxErrorLength));
    expect(await repo.countByStatus()).toEqual({ queued: 0, running: 0, done: 0, dead: 1 });
  });

  it('a permanent failure is dead after one attempt; retryDead queues it again with attempts reset', async () => {
    await enqueueJobs(db.kysely, [{ kind: 'k', payload: 1 }], clock.now());
    const [job] = await repo.claim('w1', 1, lease, clock.now());
    expect(await repo.fail(job!.id, 'w1', 'invalid payload', clock.now(), { permanent: true })).toBe('dead');
    expect((await repo.listDead(10))[0]?.lastError).toBe('invalid payload');

    expect(await repo.retryDead(job!.id, clock.now())).toBe(true);
    expect(await repo.retryDead(job!.id, clock.now())).toBe(false);
    const [again] = await repo.claim('w1', 1, lease, clock.now());
    expect(again).toMatchObject({ id: job?.id, attempts: 1 });
  });

  it('purges done jobs older than the cut-off only', async () => {
    await enqueueJobs(
      db.kysely,
      [1, 2, 3].map((n) => ({ kind: 'k', payload: n })),
      clock.now(),
    );
    const [a, b] = await repo.claim('w1', 2, lease, clock.now());
    await repo.complete(a!.id, 'w1', clock.now());
    clock.advance(1_000);
    await repo.complete(b!.id, 'w1', clock.now());
    expect(await repo.purgeDone(clock.now())).toBe(1);
    expect(await repo.countByStatus()).toEqual({ queued: 1, running: 0, done: 1, dead: 0 });
  });
});
