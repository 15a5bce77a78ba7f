// The worker on both dialects: drain for tests, failure reasons, graceful stop, surviving database errors,
// and two workers on separate connection pools running 1,000 jobs with each job run exactly once.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { FakeClock } from '../../test/fake-clock.js';
import { enqueueJobs, JobRepository, type NewJob } from '../db/job.repository.js';
import { systemClock } from '../domain/shared/clock.js';
import {
  createWorker,
  type JobHandler,
  PermanentJobError,
  type Worker,
  type WorkerLogger,
} from './worker.js';

function recordingLogger() {
  const entries: { level: 'info' | 'warn' | 'error'; msg: string | undefined; obj: object }[] = [];
  const logger: WorkerLogger = {
    info: (obj, msg) => entries.push({ level: 'info', obj, msg }),
    warn: (obj, msg) => entries.push({ level: 'warn', obj, msg }),
    error: (obj, msg) => entries.push({ level: 'error', obj, msg }),
  };
  return { logger, entries };
}

describe.each(testDialects)('worker on %s', (dialect) => {
  let db: TestDb;
  let repo: JobRepository;
  let clock: FakeClock;
  const workers: Worker[] = [];

  const enqueue = (jobs: NewJob[]) => enqueueJobs(db.kysely, jobs, clock.now());
  const worker = (handlers: Record<string, JobHandler>, options: { concurrency?: number } = {}) => {
    const w = createWorker({
      repo,
      handlers,
      clock,
      logger: recordingLogger().logger,
      pollMs: 20,
      ...options,
    });
    workers.push(w);
    return w;
  };

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    repo = new JobRepository(db, { random: () => 0 });
    clock = new FakeClock();
  });
  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
  });

  it('drain runs every runnable job and reports how many ran', async () => {
    const seen: unknown[] = [];
    await enqueue(Array.from({ length: 10 }, (_, i) => ({ kind: 'note', payload: { i } })));
    await enqueue([{ kind: 'note', payload: { i: 'later' }, runAt: clock.now() + 60_000 }]);
    const w = worker({ note: async (payload) => void seen.push(payload) });

    expect(await w.drain()).toBe(10);
    expect(seen).toHaveLength(10);
    expect(await w.drain()).toBe(0);
    clock.advance(60_000);
    expect(await w.drain({ maxJobs: 5 })).toBe(1);
    expect(await repo.countByStatus()).toEqual({ queued: 0, running: 0, done: 11, dead: 0 });
  });

  it('a throwing handler is retried later with its message; a permanent error is dead at once', async () => {
    await enqueue([
      { kind: 'flaky', payload: null, maxAttempts: 2 },
      { kind: 'bad', payload: null },
    ]);
    const w = worker({
      flaky: async () => {
        throw new Error('connection refused');
      },
      bad: async () => {
        throw new PermanentJobError('invalid payload');
      },
    });
    expect(await w.drain()).toBe(2);
    expect(await repo.countByStatus()).toMatchObject({ queued: 1, dead: 1 });
    expect((await repo.listDead(10)).map((j) => [j.kind, j.lastError])).toEqual([['bad', 'invalid payload']]);

    clock.advance(30_000);
    expect(await w.drain()).toBe(1);
    expect((await repo.listDead(10)).map((j) => [j.kind, j.lastError, j.attempts])).toEqual(
      expect.arrayContaining([['flaky', 'connection refused', 2]]),
    );
  });

  it('keeps no address in a failure reason, stored or logged', async () => {
    await enqueue([{ kind: 'mail', payload: null, maxAttempts: 1 }]);
    const { logger, entries } = recordingLogger();
    const w = createWorker({
      repo,
      clock,
      logger,
      handlers: {
        mail: async () => {
          throw new Error(
            "Can't send mail - all recipients were rejected: 550 5.1.1 <ana.souza@example.org>: no",
          );
        },
      },
    });
    workers.push(w);
    expect(await w.drain()).toBe(1);
    const reason = "Can't send mail - all recipients were rejected: 550 5.1.1 <[address]>: no";
    expect((await repo.listDead(10)).map((j) => j.lastError)).toEqual([reason]);
    expect(JSON.stringify(entries)).not.toContain('ana.souza');
    expect(entries.find((e) => e.msg === 'job dead')?.obj).toMatchObject({ reason });
  });

  it('a job of unknown kind is retried, then dead, with the reason', async () => {
    await enqueue([{ kind: 'from-the-future', payload: 1, maxAttempts: 2 }]);
    const w = worker({});
    expect(await w.drain()).toBe(1);
    expect(await repo.countByStatus()).toMatchObject({ queued: 1, dead: 0 });
    clock.advance(60_000);
    expect(await w.drain()).toBe(1);
    const [dead] = await repo.listDead(10);
    expect(dead?.lastError).toBe('no handler for kind from-the-future');
  });

  it('started, it picks up work on wake, and stop waits for the in-flight handler', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let started = 0;
    const w = worker({
      slow: async () => {
        started += 1;
        await gate;
      },
    });
    w.start();
    await enqueue([{ kind: 'slow', payload: null }]);
    w.wake();
    await vi.waitFor(() => expect(started).toBe(1), { timeout: 10_000, interval: 10 });

    let stopped = false;
    const stopping = w.stop().then(() => {
      stopped = true;
    });
    // Let every pending callback run once: stop must still be waiting for the handler.
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    expect(await repo.countByStatus()).toMatchObject({ running: 1 });

    release();
    await stopping;
    expect(await repo.countByStatus()).toMatchObject({ running: 0, done: 1 });
  });

  it('keeps polling through database errors, logs them, and recovers', async () => {
    // The jobs table goes missing for a while: every claim fails until it is back.
    await db.kysely.schema.alterTable('jobs').renameTo('jobs_away').execute();
    const { logger, entries } = recordingLogger();
    const ran: unknown[] = [];
    const handlers = { note: async (payload: unknown) => void ran.push(payload) };
    const w = createWorker({ repo, handlers, clock, logger, pollMs: 10 });
    workers.push(w);
    w.start();
    const errors = () => entries.filter((e) => e.level === 'error');
    await vi.waitFor(() => expect(errors().length).toBeGreaterThanOrEqual(2), {
      timeout: 10_000,
      interval: 10,
    });
    expect(errors()[0]?.msg).toBe('job queue poll failed');

    await db.kysely.schema.alterTable('jobs_away').renameTo('jobs').execute();
    await enqueue([{ kind: 'note', payload: 'back' }]);
    w.wake();
    await vi.waitFor(() => expect(ran).toEqual(['back']), { timeout: 10_000, interval: 10 });
  });

  it('two workers on separate connection pools run each of 1,000 jobs exactly once', async () => {
    clock.set(Date.now());
    await enqueue(Array.from({ length: 1_000 }, (_, i) => ({ kind: 'count', payload: { i } })));
    const runs = new Map<number, number>();
    const byWorker = new Map<string, number>();
    const count: JobHandler = async (_payload, job) => {
      runs.set(job.id, (runs.get(job.id) ?? 0) + 1);
      // Yield so the two workers' claims and completions interleave.
      await new Promise((resolve) => setImmediate(resolve));
    };
    const pair = ['a', 'b'].map((name) => {
      const own = db.reopen();
      const ownRepo = new JobRepository(own);
      const w = createWorker({
        repo: ownRepo,
        handlers: {
          count: async (payload, job) => {
            byWorker.set(name, (byWorker.get(name) ?? 0) + 1);
            await count(payload, job);
          },
        },
        clock: systemClock,
        workerId: `worker-${name}`,
        concurrency: 4,
        pollMs: 20,
        logger: recordingLogger().logger,
      });
      workers.push(w);
      return w;
    });
    for (const w of pair) w.start();

    await vi.waitFor(async () => expect((await repo.countByStatus()).done).toBe(1_000), {
      timeout: 60_000,
      interval: 50,
    });
    for (const w of pair) await w.stop();

    expect(runs.size).toBe(1_000);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await repo.countByStatus()).toEqual({ queued: 0, running: 0, done: 1_000, dead: 0 });
    expect((byWorker.get('a') ?? 0) + (byWorker.get('b') ?? 0)).toBe(1_000);
  }, 90_000);
});
