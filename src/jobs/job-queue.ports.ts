// What the worker loop and the recurring jobs need from the job queue (db/job.repository.ts implements it),
// so nothing under jobs/ depends on a repository class: main.ts passes the concrete queue in.

export interface NewJob {
  kind: string;
  payload: unknown;
  /** Epoch ms; defaults to `now` (run as soon as a worker is free). */
  runAt?: number;
  maxAttempts?: number;
}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  /** Including the current one. */
  attempts: number;
  maxAttempts: number;
}

export type FailOutcome = 'retry' | 'dead' | 'lost';

export interface JobQueue {
  /** Up to `limit` runnable jobs for `workerId`, each under a lease of `leaseMs`; never one job twice. */
  claim(workerId: string, limit: number, leaseMs: number, now: number): Promise<ClaimedJob[]>;
  /**
   * Marks the job done, keeping `payload` instead of the original when given (secrets dropped); false when
   * `workerId` no longer holds it (its lease expired and was taken).
   */
  complete(id: number, workerId: string, now: number, payload?: unknown): Promise<boolean>;
  /** A failed attempt: retried after a backoff, or dead when attempts are used up or it is permanent. */
  fail(
    id: number,
    workerId: string,
    error: string,
    now: number,
    options?: { permanent?: boolean; deadPayload?: unknown },
  ): Promise<FailOutcome>;
  /** Keeps a long-running job's lease; false when another worker already took it. */
  extendLease(id: number, workerId: string, leaseMs: number, now: number): Promise<boolean>;
  /** Enqueues outside any caller transaction (recurring maintenance jobs). */
  enqueue(jobs: NewJob[], now: number): Promise<void>;
  /** Queued (not yet running) jobs of one kind. */
  countQueued(kind: string): Promise<number>;
  /** Deletes done jobs finished before `olderThan`; returns how many. */
  purgeDone(olderThan: number): Promise<number>;
}
