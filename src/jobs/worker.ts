// The worker loop: claims jobs from the queue, runs each kind's handler under a lease, and records the
// outcome. Side effects (mail, delivery) happen only here, never in a request handler (architecture.md).
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../domain/shared/clock.js';
import { redactAddresses } from '../security/redact-addresses.js';
import type { ClaimedJob, JobQueue } from './job-queue.ports.js';
import { redactPayload } from './payload-redaction.js';

export type JobHandler = (payload: unknown, job: ClaimedJob) => Promise<void>;

/** Thrown by a handler when retrying cannot help (an invalid payload): the job goes dead at once. */
export class PermanentJobError extends Error {
  override readonly name = 'PermanentJobError';
}

/** The part of pino (and Fastify's logger) the worker uses. */
export interface WorkerLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface WorkerOptions {
  repo: JobQueue;
  handlers: Record<string, JobHandler>;
  clock: Clock;
  workerId?: string;
  /** Jobs run at the same time by this worker. */
  concurrency?: number;
  /** Idle wait between polls when the queue had nothing runnable. */
  pollMs?: number;
  /** How long a claimed job stays ours without a heartbeat; renewed every third of it while it runs. */
  leaseMs?: number;
  logger?: WorkerLogger;
  /**
   * The payload a done or dead job keeps (undefined: unchanged); by default its kind's secret fields
   * dropped (payload-redaction.ts).
   */
  redact?: (kind: string, payload: unknown) => unknown;
}

export interface Worker {
  readonly workerId: string;
  start(): void;
  /** Stops claiming and resolves once in-flight jobs have finished and been recorded. */
  stop(): Promise<void>;
  /** Runs claimable jobs now, until none is runnable at clock.now(); returns how many ran (for tests). */
  drain(options?: { maxJobs?: number }): Promise<number>;
  /** Polls at once (called after an enqueue, so a job does not wait for the next poll). */
  wake(): void;
}

/** After repeated database errors the loop waits at most this long before trying again. */
const maxErrorBackoffMs = 60_000;

const consoleLogger: WorkerLogger = {
  info: () => {},
  warn: (obj, msg) => console.warn(msg ?? '', obj),
  error: (obj, msg) => console.error(msg ?? '', obj),
};

/** A failure's reason as it is stored and logged: no one's address in it (an SMTP answer quotes it). */
function errorMessage(error: unknown): string {
  return redactAddresses(error instanceof Error ? error.message : String(error));
}

export function createWorker(opts: WorkerOptions): Worker {
  const { repo, handlers, clock } = opts;
  const workerId = opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const concurrency = Math.max(1, opts.concurrency ?? 4);
  const pollMs = opts.pollMs ?? 500;
  const leaseMs = opts.leaseMs ?? 5 * 60_000;
  const log = opts.logger ?? consoleLogger;
  const redact = opts.redact ?? redactPayload;

  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<void> | undefined;
  let wakeRequested = false;
  let errorStreak = 0;

  /** Runs one claimed job to its recorded outcome; never rejects (a DB error leaves the lease to expire). */
  async function run(job: ClaimedJob): Promise<void> {
    const heartbeat = setInterval(
      () => {
        repo.extendLease(job.id, workerId, leaseMs, clock.now()).then(
          (held) => {
            if (!held) log.warn({ jobId: job.id, kind: job.kind }, 'job lease lost while running');
          },
          (error: unknown) => log.error({ jobId: job.id, err: error }, 'could not extend job lease'),
        );
      },
      Math.max(Math.floor(leaseMs / 3), 1),
    );
    heartbeat.unref();
    try {
      const handler = handlers[job.kind];
      let failure: unknown;
      try {
        if (!handler) throw new Error(`no handler for kind ${job.kind}`);
        await handler(job.payload, job);
      } catch (error) {
        failure = error ?? new Error('handler threw without a reason');
      }
      if (failure === undefined) {
        if (!(await repo.complete(job.id, workerId, clock.now(), redact(job.kind, job.payload)))) {
          log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease was taken over');
        }
        return;
      }
      const permanent = failure instanceof PermanentJobError;
      const reason = errorMessage(failure);
      const outcome = await repo.fail(job.id, workerId, reason, clock.now(), {
        permanent,
        deadPayload: redact(job.kind, job.payload),
      });
      const fields = { jobId: job.id, kind: job.kind, attempts: job.attempts, reason, outcome };
      if (outcome === 'dead') log.error(fields, 'job dead');
      else log.warn(fields, 'job failed');
    } catch (error) {
      log.error({ jobId: job.id, kind: job.kind, err: error }, 'could not record job outcome');
    } finally {
      clearInterval(heartbeat);
    }
  }

  function track(job: ClaimedJob): Promise<void> {
    const p = run(job).finally(() => {
      inFlight.delete(p);
      // A slot is free: look for more work now rather than after a full poll interval.
      if (running) wake();
    });
    inFlight.add(p);
    return p;
  }

  function schedule(delayMs: number): void {
    if (!running) return;
    clearTimeout(timer);
    // Not unref'd: in a worker-only process this timer is what keeps the process alive between polls.
    timer = setTimeout(() => {
      timer = undefined;
      wake();
    }, delayMs);
  }

  async function poll(): Promise<void> {
    let delay = pollMs;
    try {
      const free = concurrency - inFlight.size;
      if (free > 0) {
        const jobs = await repo.claim(workerId, free, leaseMs, clock.now());
        // Jobs started before stop() may still arrive here; they run and stop() waits for them.
        for (const job of jobs) track(job);
        if (jobs.length === free) delay = 0;
      }
      errorStreak = 0;
    } catch (error) {
      errorStreak += 1;
      delay = Math.min(pollMs * 2 ** errorStreak, maxErrorBackoffMs);
      log.error({ err: error, retryInMs: delay }, 'job queue poll failed');
    }
    if (wakeRequested) delay = 0;
    wakeRequested = false;
    // With every slot busy, the next poll comes from a finishing job (track → wake).
    if (concurrency - inFlight.size > 0 || errorStreak > 0) schedule(delay);
  }

  function wake(): void {
    if (!running) return;
    if (polling) {
      wakeRequested = true;
      return;
    }
    clearTimeout(timer);
    timer = undefined;
    polling = poll().finally(() => {
      polling = undefined;
    });
  }

  return {
    workerId,
    start() {
      if (running) return;
      running = true;
      log.info({ workerId, concurrency, pollMs }, 'worker started');
      wake();
    },

    async stop() {
      running = false;
      clearTimeout(timer);
      timer = undefined;
      await polling;
      while (inFlight.size > 0) await Promise.all(inFlight);
      log.info({ workerId }, 'worker stopped');
    },

    async drain({ maxJobs = 10_000 } = {}) {
      let ran = 0;
      while (ran < maxJobs) {
        const jobs = await repo.claim(workerId, Math.min(concurrency, maxJobs - ran), leaseMs, clock.now());
        if (jobs.length === 0) break;
        ran += jobs.length;
        await Promise.all(jobs.map(run));
      }
      return ran;
    },

    wake,
  };
}
