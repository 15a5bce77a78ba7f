// The job queue, which is also the transactional outbox: use cases write jobs in the same transaction as
// their cause (enqueueJobs), workers claim them under a lease, retry with backoff and end them done or dead.
//   queued ──claim──▶ running ──complete──▶ done ──purgeDone──▶ (deleted)
//     ▲                 │  │ lease expired: claimed again by another worker (attempts + 1)
//     └──fail (retry)───┘  └──fail (attempts used up, or permanent)──▶ dead ──retryDead──▶ queued
// On done and dead the worker stores the payload without its secrets (jobs/payload-redaction.ts).
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { ClaimedJob, FailOutcome, JobQueue, NewJob } from '../jobs/job-queue.ports.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';

export const jobStatuses = ['queued', 'running', 'done', 'dead'] as const;
export type JobStatus = (typeof jobStatuses)[number];

/** Mirrors the column default in 0001-initial; written explicitly so multi-row inserts work on SQLite. */
export const defaultMaxAttempts = 10;
export const backoffBaseMs = 30_000;
export const backoffCapMs = 6 * 60 * 60 * 1000;
export const maxErrorLength = 2000;
/** Rows per INSERT: 7 parameters each stays far below SQLite's and PostgreSQL's parameter limits. */
const insertChunk = 500;

export type { ClaimedJob, FailOutcome, NewJob };

export interface DeadJob extends ClaimedJob {
  lastError: string | null;
  updatedAt: number;
}

/**
 * Inserts jobs with a plain INSERT, so it joins whatever transaction `executor` is (pass the `trx` of the
 * transaction that causes the side effect: a rollback then leaves no job behind).
 */
export async function enqueueJobs(executor: Kysely<Database>, jobs: NewJob[], now: number): Promise<void> {
  for (let i = 0; i < jobs.length; i += insertChunk) {
    const rows = jobs.slice(i, i + insertChunk).map((job) => ({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      status: 'queued' satisfies JobStatus,
      max_attempts: job.maxAttempts ?? defaultMaxAttempts,
      run_at: job.runAt ?? now,
      created_at: now,
      updated_at: now,
    }));
    await executor.insertInto('jobs').values(rows).execute();
  }
}

/**
 * Delay before the next attempt after `attempts` failed ones: 30 s doubling up to 6 h, plus up to 10 %
 * jitter so jobs that failed together (an SMTP outage) do not all come back in the same second.
 */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const delay = Math.min(backoffBaseMs * 2 ** Math.max(attempts - 1, 0), backoffCapMs);
  return delay + Math.floor(delay * 0.1 * random());
}

/** Due queued jobs, and running jobs whose lease expired (their worker crashed or hung). */
function claimable(now: number) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.or([
      eb.and([eb('status', '=', 'queued'), eb('run_at', '<=', now)]),
      eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', now)]),
    ]);
}

/** The job while it runs under this worker's lease: a worker that lost the lease changes nothing. */
function heldBy(id: number, workerId: string) {
  return (eb: ExpressionBuilder<Database, 'jobs'>) =>
    eb.and([eb('id', '=', id), eb('status', '=', 'running'), eb('locked_by', '=', workerId)]);
}

export class JobRepository extends KyselyStore implements JobQueue {
  private readonly dialect: Dialect;
  private readonly random: () => number;

  constructor(db: Db, options: { random?: () => number } = {}) {
    super(db);
    this.dialect = db.dialect;
    this.random = options.random ?? Math.random;
  }

  /**
   * Claims up to `limit` runnable jobs for `workerId` in one statement, so two workers never get the same
   * job: SQLite serialises writers; on PostgreSQL the candidates are locked with SKIP LOCKED. The
   * candidates are a MATERIALIZED CTE, evaluated exactly once: with a plain `IN (SELECT … LIMIT n FOR
   * UPDATE SKIP LOCKED)` the planner may re-run the subquery per row, and then claimed more than n rows
   * (seen in job.repository.test.ts when the outer WHERE also re-checked eligibility).
   */
  async claim(workerId: string, limit: number, leaseMs: number, now: number): Promise<ClaimedJob[]> {
    if (limit <= 0) return [];
    const rows = await this.db
      .with(
        (cte) => cte('candidates').materialized(),
        (db) => {
          const candidates = db
            .selectFrom('jobs')
            .select('id')
            .where(claimable(now))
            .orderBy('run_at')
            .orderBy('id')
            .limit(limit);
          return this.dialect === 'postgres' ? candidates.forUpdate().skipLocked() : candidates;
        },
      )
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running' satisfies JobStatus,
        locked_by: workerId,
        locked_until: now + leaseMs,
        attempts: eb('attempts', '+', 1),
        updated_at: now,
      }))
      .where('id', 'in', (eb) => eb.selectFrom('candidates').select('candidates.id'))
      // Belt and braces: re-checked against the row version being updated.
      .where(claimable(now))
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'run_at'])
      .execute();
    // RETURNING has no order; hand jobs out in claim order.
    return rows
      .sort((a, b) => a.run_at - b.run_at || a.id - b.id)
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        payload: JSON.parse(r.payload) as unknown,
        attempts: r.attempts,
        maxAttempts: r.max_attempts,
      }));
  }

  /**
   * Marks the job done, storing `payload` in place of the old one when given (its secrets dropped); false
   * when `workerId` no longer holds it (its lease expired and was taken).
   */
  async complete(id: number, workerId: string, now: number, payload?: unknown): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: 'done' satisfies JobStatus,
        locked_until: null,
        updated_at: now,
        ...(payload === undefined ? {} : { payload: JSON.stringify(payload) }),
      })
      .where(heldBy(id, workerId))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * Records a failed attempt: back to the queue after a backoff, or dead when the attempts are used up
   * or the failure is permanent (then `deadPayload`, when given, replaces the payload). 'lost' when
   * `workerId` no longer holds the job (nothing is changed).
   */
  async fail(
    id: number,
    workerId: string,
    error: string,
    now: number,
    options: { permanent?: boolean; deadPayload?: unknown } = {},
  ): Promise<FailOutcome> {
    const held = await this.db
      .selectFrom('jobs')
      .select(['attempts', 'max_attempts'])
      .where(heldBy(id, workerId))
      .executeTakeFirst();
    if (!held) return 'lost';
    const dead = options.permanent === true || held.attempts >= held.max_attempts;
    const lastError = error.length > maxErrorLength ? error.slice(0, maxErrorLength) : error;
    // Compare-and-set on attempts instead of a transaction: a worker that took over the expired lease
    // has bumped attempts and locked_by, and then this update changes nothing.
    const result = await this.db
      .updateTable('jobs')
      .set({
        status: (dead ? 'dead' : 'queued') satisfies JobStatus,
        run_at: dead ? now : now + backoffDelay(held.attempts, this.random),
        locked_by: null,
        locked_until: null,
        last_error: lastError,
        updated_at: now,
        ...(dead && options.deadPayload !== undefined
          ? { payload: JSON.stringify(options.deadPayload) }
          : {}),
      })
      .where(heldBy(id, workerId))
      .where('attempts', '=', held.attempts)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return 'lost';
    return dead ? 'dead' : 'retry';
  }

  /** Keeps a long-running job's lease; false when the lease was already taken by another worker. */
  async extendLease(id: number, workerId: string, leaseMs: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ locked_until: now + leaseMs, updated_at: now })
      .where(heldBy(id, workerId))
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async countByStatus(): Promise<Record<JobStatus, number>> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
      .groupBy('status')
      .execute();
    const counts: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, dead: 0 };
    for (const r of rows) {
      if ((jobStatuses as readonly string[]).includes(r.status)) counts[r.status as JobStatus] = Number(r.n);
    }
    return counts;
  }

  /** Dead jobs, most recently failed first, for the operators' view. */
  async listDead(limit: number): Promise<DeadJob[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'last_error', 'updated_at'])
      .where('status', '=', 'dead')
      .orderBy('updated_at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      payload: JSON.parse(r.payload) as unknown,
      attempts: r.attempts,
      maxAttempts: r.max_attempts,
      lastError: r.last_error,
      updatedAt: r.updated_at,
    }));
  }

  /** Puts a dead job back in the queue with its attempts reset; last_error stays until the next failure. */
  async retryDead(id: number, now: number): Promise<boolean> {
    const result = await this.db
      .updateTable('jobs')
      .set({ status: 'queued' satisfies JobStatus, attempts: 0, run_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Deletes done jobs finished before `olderThan` (epoch ms); returns how many. */
  async purgeDone(olderThan: number): Promise<number> {
    const result = await this.db
      .deleteFrom('jobs')
      .where('status', '=', 'done')
      .where('updated_at', '<', olderThan)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Enqueues outside any caller transaction (recurring maintenance jobs). */
  async enqueue(jobs: NewJob[], now: number): Promise<void> {
    await enqueueJobs(this.db, jobs, now);
  }

  /** Queued (not yet running) jobs of one kind: recurring jobs schedule their next run only if none is. */
  async countQueued(kind: string): Promise<number> {
    const row = await this.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('kind', '=', kind)
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}
