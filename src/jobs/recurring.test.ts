import { describe, expect, it } from 'vitest';
import { type TestDb, testDialects } from '../../test/db.js';
import { dbPerTest } from '../../test/db-per-test.js';
import { FakeClock } from '../../test/fake-clock.js';
import { JobRepository } from '../db/job.repository.js';
import { recurringHandlers, scheduleRecurring } from './recurring.js';
import { createWorker } from './worker.js';

describe.each(testDialects)('recurring jobs on %s', (dialect) => {
  let db: TestDb;
  dbPerTest(dialect, (fresh) => {
    db = fresh;
  });

  it('run once per interval, schedule their next run, and are not duplicated by a restart', async () => {
    const clock = new FakeClock();
    const repo = new JobRepository(db);
    let runs = 0;
    const jobs = [{ kind: 'tick', everyMs: 60_000, run: async () => void runs++ }];
    await scheduleRecurring(repo, jobs, clock.now());
    await scheduleRecurring(repo, jobs, clock.now());
    expect(await repo.countQueued('tick')).toBe(1);
    const worker = createWorker({ repo, handlers: recurringHandlers(repo, clock, jobs), clock });
    expect(await worker.drain()).toBe(1);
    expect(await worker.drain()).toBe(0);
    clock.advance(60_000);
    expect(await worker.drain()).toBe(1);
    expect(runs).toBe(2);
    expect(await repo.countQueued('tick')).toBe(1);
    await worker.stop();
  });
});
