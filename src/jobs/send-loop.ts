// What a worker's two send loops, target letters (delivery/dispatcher.ts) and supporter mailings
// (mailing/sender.ts), have in common: the options they take besides their store, site and policy, the
// defaults of those options, how they are started and stopped, and the heartbeat that renews their leases.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../domain/shared/clock.js';
import { canPrepare } from '../mail/prepared-mail.js';
import type { MailTransport } from '../mail/transport.js';
import type { WorkerLogger } from './worker.js';

export interface SendLoopOptions {
  transport: MailTransport;
  clock: Clock;
  /** SMTP transactions at once across all domains (the transport's pool size). */
  connections?: number;
  /** Idle wait before looking for work again. */
  pollMs?: number;
  leaseMs?: number;
  workerId?: string;
  logger?: WorkerLogger;
}

export interface SendLoop {
  readonly workerId: string;
  start(): void;
  /** Stops starting sends, lets the started ones finish and be recorded, gives back what was not started. */
  stop(): Promise<void>;
  wake(): void;
}

const silent: WorkerLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The options with their defaults; the worker id names the host and process (leases say who holds a row);
 * `preparing` is the transport when it can build (and sign) a mail ahead of its turn.
 */
export function sendLoopSettings(opts: SendLoopOptions) {
  return {
    connections: opts.connections ?? 10,
    pollMs: opts.pollMs ?? 1_000,
    leaseMs: opts.leaseMs ?? 120_000,
    logger: opts.logger ?? silent,
    workerId: opts.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
    preparing: canPrepare(opts.transport) ? opts.transport : undefined,
  };
}

/**
 * Renews the loop's leases every third of a lease, so a live worker keeps what it holds; a failed renewal
 * is only logged (the next one comes well before the lease runs out).
 */
function renewLeasesEvery(
  leaseMs: number,
  renew: () => Promise<unknown>,
  onError: (error: unknown) => void,
): NodeJS.Timeout {
  const heartbeat = setInterval(() => {
    renew().catch(onError);
  }, leaseMs / 3);
  heartbeat.unref?.();
  return heartbeat;
}

/** Whether a loop runs, and what its start and stop switch together. */
export interface LoopSwitch {
  /** Read before planning more work (the mailing sender's drain turns it on for its own ticks). */
  running: boolean;
  /** Starts renewing the leases and looks for work at once; nothing when the loop runs already. */
  start(): void;
  /** No more polls, no more renewals: what the loop holds is its own to finish or give back. */
  stop(): void;
}

export function loopSwitch(steps: {
  leaseMs: number;
  renew: () => Promise<unknown>;
  renewFailed: (error: unknown) => void;
  /** Looks for work now. */
  poll: () => void;
  /** Drops the poll that is waiting. */
  cancelPoll: () => void;
}): LoopSwitch {
  let heartbeat: NodeJS.Timeout | undefined;
  const loop: LoopSwitch = {
    running: false,
    start() {
      if (loop.running) return;
      loop.running = true;
      heartbeat = renewLeasesEvery(steps.leaseMs, steps.renew, steps.renewFailed);
      steps.poll();
    },
    stop() {
      loop.running = false;
      steps.cancelPoll();
      clearInterval(heartbeat);
    },
  };
  return loop;
}
