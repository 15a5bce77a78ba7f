import { addressDomain } from '../../domain/delivery/delivery.js';
import { classifySmtpFailure, type SmtpFailure } from '../../domain/delivery/smtp-outcome.js';
import type {
  MailingQueue,
  RecipientOutcome,
  ReservedRecipient,
} from '../../domain/mailing/mailing-queue.ports.js';
import {
  defaultMailingSendPolicy,
  type MailingSendPolicy,
  recipientOutcome,
  SendPace,
} from '../../domain/mailing/send-policy.js';
import type { PreparedMail } from '../../mail/prepared-mail.js';
import { InvalidAddressError, type OutgoingMail } from '../../mail/transport.js';
import { loopSwitch, type SendLoop, type SendLoopOptions, sendLoopSettings } from '../send-loop.js';
import { type MailingSite, MailingVersions, mailingMessage } from './mailing-message.js';

export interface MailingSenderOptions extends SendLoopOptions {
  store: MailingQueue;
  site: MailingSite;
  /** Messages a second for a mailing without its own rate (MAILING_RATE). */
  defaultRate: number;
  policy?: Partial<MailingSendPolicy>;
}

/** Its stop gives reserved rows back. */
export interface MailingSender extends SendLoop {
  /** Ticks until nothing more can be done now (tests): every send started is finished and recorded. */
  drain(): Promise<void>;
}

/**
 * An item's mail once composed: handed to the transport to build (then only the transport holds its
 * bytes), or kept whole for a transport that builds as it sends.
 */
type Ready = { prepared: PreparedMail } | { mail: OutgoingMail } | { error: unknown };

interface Item {
  r: ReservedRecipient;
  domain: string;
  /** Its mail, composed and being built; made once the item is among the next few to go. */
  ready?: Promise<Ready>;
}

interface MailingRun {
  id: number;
  pace: SendPace;
  versions: Promise<MailingVersions | undefined>;
  /** Reserved here, not yet started, oldest first. */
  queue: Item[];
  /** Started, outcome not yet recorded. */
  active: number;
  /** No row to reserve until then (the queue looked empty, or only retries wait). */
  idleUntil: number;
  /** The last reservation found nothing: once nothing is in hand either, the mailing may be finished. */
  empty: boolean;
}

const discard = (r: Ready) => {
  if ('prepared' in r) r.prepared?.discard();
};

/**
 * Items per connection composed and built ahead of their turn. Two keep a built message ready for every
 * connection (a build takes a fraction of a millisecond); more only lengthen how long each message's bytes
 * live, long enough to outlive the young generation and wait in the old one for a full collection.
 */
const prepareWindow = 2;

/** How often the list of sending mailings and the domains' state are read again. */
const refreshMs = 250;

/**
 * How long a finished send's outcome may wait for others before the tick that records it (and starts the
 * next sends) commits. A commit is a durable write (an fsync on SQLite, ~6 ms on a busy disk here, with
 * the event loop held); committing after every single send capped a mailing at ~150 messages a second,
 * while a commit every few milliseconds carries a dozen outcomes and starts as many sends. A killed worker
 * leaves at most this long of answers unrecorded, on top of the sends in flight (decision 0020).
 */
const commitEveryMs = 8;

export function createMailingSender(opts: MailingSenderOptions): MailingSender {
  const policy: MailingSendPolicy = { ...defaultMailingSendPolicy, ...opts.policy };
  const { connections, pollMs, leaseMs, logger, workerId, preparing } = sendLoopSettings(opts);

  const runs = new Map<number, MailingRun>();
  /** Sends started per destination domain. */
  const busy = new Map<string, number>();
  let limits = { closed: new Set<string>(), concurrency: new Map<string, number>() };
  /** Domains with a temporary failure or block not yet read back from mail_domains. */
  const failing = new Set<string>();
  /** Of those, the ones whose failure is recorded: the next refresh reads their state. */
  const failingRecorded = new Set<string>();
  let pending: RecipientOutcome[] = [];
  const inFlight = new Map<number, Promise<void>>();
  let lastRefresh = Number.NEGATIVE_INFINITY;
  let lastRecovery = Number.NEGATIVE_INFINITY;
  let ticking: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  /** When the timer fires (wall clock: it only spaces ticks, it decides nothing). */
  let timerAt = Number.POSITIVE_INFINITY;
  const loop = loopSwitch({
    leaseMs,
    renew: () => {
      const held = [...inFlight.keys(), ...[...runs.values()].flatMap((r) => r.queue.map((i) => i.r.id))];
      return opts.store.renewLeases(held, workerId, opts.clock.now() + leaseMs);
    },
    renewFailed: (error) => logger.error({ err: error }, 'renewing mailing leases failed'),
    poll: () => schedule(0),
    cancelPoll: () => clearTimeout(timer),
  });

  /** Rows to hold reserved per mailing: half a second of its rate, within bounds. */
  const lookahead = (rate: number) => Math.min(1_000, Math.max(connections * 8, Math.ceil(rate / 2)));

  function runFor(id: number, ratePerSecond: number | null, now: number): MailingRun {
    let run = runs.get(id);
    if (!run) {
      run = {
        id,
        pace: new SendPace(ratePerSecond ?? opts.defaultRate, now),
        versions: opts.store.content(id).then(async (c) => {
          if (!c) return undefined;
          const versions = new MailingVersions(c, opts.store, opts.site);
          await versions.prepare();
          return versions;
        }),
        queue: [],
        active: 0,
        idleUntil: Number.NEGATIVE_INFINITY,
        empty: false,
      };
      run.versions.catch(() => undefined);
      runs.set(id, run);
    }
    return run;
  }

  async function prepare(run: MailingRun, r: ReservedRecipient): Promise<Ready> {
    try {
      const versions = await run.versions;
      if (!versions) throw new Error(`mailing ${run.id} is gone`);
      const mail = mailingMessage(await versions.version(r.locale), r, opts.site);
      // The composed strings are dropped as soon as the transport has them: a message ahead of its turn
      // holds only its build (decision 0020, "Memory").
      return preparing ? { prepared: preparing.prepare(mail) } : { mail };
    } catch (error) {
      return { error };
    }
  }

  async function send(run: MailingRun, item: Item): Promise<void> {
    const { r, domain } = item;
    const attempts = r.attempts + 1;
    let outcome: RecipientOutcome;
    try {
      const ready = await (item.ready ?? prepare(run, item.r));
      if ('error' in ready) throw ready.error;
      await ('prepared' in ready ? ready.prepared.send() : opts.transport.send(ready.mail));
      outcome = { id: r.id, result: 'sent' };
    } catch (error) {
      const failure =
        error instanceof InvalidAddressError
          ? { action: 'fail' as const, reason: error.message }
          : classifySmtpFailure(error as SmtpFailure);
      outcome = recipientOutcome(r.id, domain, failure, attempts, opts.clock.now(), policy);
      if (outcome.result === 'unknown') {
        logger.warn({ recipientId: r.id, reason: outcome.reason }, 'mailing outcome unknown: not resent');
      }
      if (outcome.result === 'retry' || outcome.result === 'held') failing.add(domain);
    }
    pending.push(outcome);
  }

  function launch(run: MailingRun, item: Item): void {
    run.active++;
    busy.set(item.domain, (busy.get(item.domain) ?? 0) + 1);
    const p = send(run, item).finally(() => {
      run.active--;
      const n = (busy.get(item.domain) ?? 1) - 1;
      if (n <= 0) busy.delete(item.domain);
      else busy.set(item.domain, n);
      inFlight.delete(item.r.id);
      kick();
    });
    inFlight.set(item.r.id, p);
  }

  const closed = (domain: string) => limits.closed.has(domain) || failing.has(domain);

  /**
   * Composes and hands to the transport the next few items of each mailing (the transaction's rows
   * reserved ahead are only data until then): their bytes are ready when their turn comes, and building
   * a whole page at once would hold a page of messages in memory (measured: 1,000 at once took the worker
   * from 150 to 480 MB).
   */
  function prepareAhead(): void {
    for (const run of runs.values()) {
      let n = 0;
      for (const item of run.queue) {
        if (n++ >= connections * prepareWindow) break;
        item.ready ??= prepare(run, item.r);
      }
    }
  }

  /** Reserved items that may start now, taken off their queues: pace, free connections, domain slots. */
  function pick(now: number): Array<{ run: MailingRun; item: Item }> {
    const out: Array<{ run: MailingRun; item: Item }> = [];
    let slots = connections * 2 - inFlight.size;
    const planned = new Map<string, number>();
    for (const run of runs.values()) {
      let allowed = Math.min(run.pace.available(now), slots);
      if (allowed <= 0) continue;
      const keep: Item[] = [];
      for (const item of run.queue) {
        const limit = limits.concurrency.get(item.domain) ?? policy.domainConcurrency;
        const used = (busy.get(item.domain) ?? 0) + (planned.get(item.domain) ?? 0);
        if (allowed > 0 && !closed(item.domain) && used < limit) {
          out.push({ run, item });
          planned.set(item.domain, (planned.get(item.domain) ?? 0) + 1);
          allowed--;
          slots--;
          run.pace.take(1);
        } else keep.push(item);
      }
      run.queue = keep;
    }
    return out;
  }

  /** Gives back reserved rows that cannot go: their mailing stopped sending, or their domain closed. */
  async function releaseWhere(test: (run: MailingRun, item: Item) => boolean): Promise<void> {
    const back: Item[] = [];
    for (const run of runs.values()) {
      const keep: Item[] = [];
      for (const item of run.queue) (test(run, item) ? back : keep).push(item);
      run.queue = keep;
    }
    if (back.length === 0) return;
    for (const item of back) void item.ready?.then(discard);
    await opts.store.release(
      back.map((i) => i.r.id),
      workerId,
    );
  }

  async function refresh(now: number): Promise<void> {
    lastRefresh = now;
    for (const d of failingRecorded) failing.delete(d);
    failingRecorded.clear();
    const [mailings, domainLimits] = await Promise.all([
      opts.store.sendingMailings(),
      opts.store.domainLimits(now),
    ]);
    limits = domainLimits;
    const sending = new Set(mailings.map((m) => m.id));
    for (const m of mailings) runFor(m.id, m.ratePerSecond, now);
    // Paused (or cancelled) mailings: what this worker reserved goes back at once.
    await releaseWhere((run, item) => !sending.has(run.id) || limits.closed.has(item.domain));
    for (const [id, run] of runs) if (!sending.has(id) && run.active === 0) runs.delete(id);
  }

  /** The mailing to reserve for: the one with the fewest rows in hand relative to its lookahead. */
  function reservation(now: number): { run: MailingRun; limit: number } | undefined {
    let best: { run: MailingRun; limit: number } | undefined;
    for (const run of runs.values()) {
      if (run.idleUntil > now) continue;
      const limit = lookahead(run.pace.perSecond) - run.queue.length;
      if (
        limit >= Math.min(connections * 2, lookahead(run.pace.perSecond) / 2) &&
        (!best || limit > best.limit)
      ) {
        best = { run, limit };
      }
    }
    return best;
  }

  /** One transaction and what follows from it; returns how much it did (outcomes, starts, rows). */
  async function tick(): Promise<number> {
    const now = opts.clock.now();
    if (now - lastRecovery >= leaseMs / 3) {
      lastRecovery = now;
      const lost = await opts.store.recoverAbandoned(now);
      if (lost.length > 0) {
        logger.warn(
          { count: lost.length },
          'mailing sends interrupted by a stopped worker: marked failed, not resent',
        );
      }
    }
    if (now - lastRefresh >= refreshMs || failingRecorded.size > 0) await refresh(now);
    const starts = loop.running ? pick(now) : [];
    const want = loop.running ? reservation(now) : undefined;
    const outcomes = pending;
    pending = [];
    let result: Awaited<ReturnType<MailingQueue['tick']>>;
    try {
      result = await opts.store.tick({
        workerId,
        now,
        leaseUntil: now + leaseMs,
        outcomes,
        start: starts.map((s) => s.item.r.id),
        ...(want
          ? {
              reserve: {
                mailingId: want.run.id,
                limit: want.limit,
                closedDomains: [...new Set([...limits.closed, ...failing])],
              },
            }
          : {}),
      });
    } catch (error) {
      // Nothing of the transaction stayed: outcomes wait for the next tick, planned sends stay reserved.
      pending = outcomes.concat(pending);
      for (const s of starts) s.run.queue.unshift(s.item);
      throw error;
    }
    for (const o of outcomes) if (o.result === 'retry' || o.result === 'held') failingRecorded.add(o.domain);
    const started = new Set(result.started);
    for (const s of starts) {
      if (started.has(s.item.r.id)) launch(s.run, s.item);
      // No longer ours (the lease ran out and another worker took it) or the mailing stopped: not sent.
      else void s.item.ready?.then(discard);
    }
    prepareAhead();
    let done = outcomes.length + result.started.length + result.reserved.length + result.skipped;
    if (want) {
      for (const r of result.reserved) {
        want.run.queue.push({ r, domain: addressDomain(r.email) });
      }
      if (result.reserved.length === 0 && result.skipped === 0) {
        want.run.idleUntil = now + pollMs;
        want.run.empty = true;
      }
    }
    // Outcomes written above are all there is for a mailing with nothing in hand: it may be finished.
    for (const run of [...runs.values()]) {
      if (!run.empty || run.queue.length > 0 || run.active > 0 || pending.length > 0) continue;
      run.empty = false;
      if (await opts.store.finishDrained(run.id, now)) {
        logger.info({ mailingId: run.id }, 'mailing sent to every recipient');
        runs.delete(run.id);
        done++;
      }
    }
    return done;
  }

  /** When to tick again: now, after a pause of the pace, or (undefined) when a send finishes. */
  function nextTick(): number | undefined {
    if (pending.length > 0) return outcomesDue() ? 0 : commitEveryMs;
    const now = opts.clock.now();
    if (reservation(now)) return 0;
    let wait = Number.POSITIVE_INFINITY;
    let blocked = false;
    for (const run of runs.values()) {
      for (const item of run.queue) {
        if (closed(item.domain)) continue;
        const limit = limits.concurrency.get(item.domain) ?? policy.domainConcurrency;
        if ((busy.get(item.domain) ?? 0) >= limit || inFlight.size >= connections * 2) blocked = true;
        else {
          wait = Math.min(wait, run.pace.waitMs());
          break;
        }
      }
      if (run.queue.length === 0 && run.active === 0) wait = Math.min(wait, Math.max(0, run.idleUntil - now));
    }
    if (wait !== Number.POSITIVE_INFINITY) return wait;
    // Only domain slots hold sends back: a finishing send ticks again.
    if (blocked && inFlight.size > 0) return undefined;
    return inFlight.size > 0 ? undefined : runs.size > 0 ? refreshMs : pollMs;
  }

  function runTick(): Promise<number> {
    if (ticking) {
      again = true;
      return ticking;
    }
    ticking = tick().finally(() => {
      ticking = null;
    });
    return ticking;
  }

  function schedule(ms: number | undefined): void {
    clearTimeout(timer);
    timerAt = Number.POSITIVE_INFINITY;
    if (!loop.running || ms === undefined) return;
    timerAt = Date.now() + ms;
    timer = setTimeout(() => {
      timerAt = Number.POSITIVE_INFINITY;
      again = false;
      runTick()
        .then(() => schedule(again && outcomesDue() ? 0 : nextTick()))
        .catch((error: unknown) => {
          logger.error({ err: error }, 'mailing tick failed');
          schedule(pollMs);
        });
    }, ms);
    timer.unref?.();
  }

  /** Enough outcomes wait to be worth a commit: half the sends in flight, or nothing else in flight. */
  function outcomesDue(): boolean {
    return pending.length >= connections || inFlight.size === 0;
  }

  /**
   * A send finished: its outcome is recorded (with the next sends' start) by a tick within
   * `commitEveryMs`, at once when enough outcomes wait.
   */
  function kick(): void {
    if (!loop.running) return;
    if (ticking) {
      again = true;
      return;
    }
    if (outcomesDue()) schedule(0);
    else if (timerAt > Date.now() + commitEveryMs) schedule(commitEveryMs);
  }

  async function settle(): Promise<void> {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight.values()]);
  }

  return {
    workerId,
    start: loop.start,
    async stop() {
      loop.stop();
      await ticking?.catch(() => undefined);
      await releaseWhere(() => true);
      await settle();
      await runTick().catch((error: unknown) =>
        logger.error({ err: error }, 'recording mailing outcomes failed'),
      );
    },
    async drain() {
      const wasRunning = loop.running;
      loop.running = true;
      try {
        // Until a tick finds nothing to do: no outcome to write, nothing startable, no row to reserve.
        for (;;) {
          const done = await runTick();
          await settle();
          if (done === 0 && pending.length === 0 && inFlight.size === 0) break;
        }
      } finally {
        loop.running = wasRunning;
      }
    },
    wake() {
      lastRefresh = Number.NEGATIVE_INFINITY;
      for (const run of runs.values()) run.idleUntil = Number.NEGATIVE_INFINITY;
      kick();
    },
  };
}
