import type { CampaignWithContent } from '../../domain/campaign/campaign.js';
import {
  addressDomain,
  campaignSender,
  type DeliveryPolicy,
  defaultDeliveryPolicy,
  letterTexts,
} from '../../domain/delivery/delivery.js';
import type { ClaimedMessage, DeliveryStore, SendOutcome } from '../../domain/delivery/delivery.ports.js';
import { planSends } from '../../domain/delivery/plan-sends.js';
import { classifySmtpFailure } from '../../domain/delivery/smtp-outcome.js';
import { translatorFor } from '../../i18n/translator.js';
import type { PreparedMail } from '../../mail/prepared-mail.js';
import { targetDigest } from '../../mail/templates/target-digest.email.js';
import { targetLetter } from '../../mail/templates/target-letter.email.js';
import type { OutgoingMail } from '../../mail/transport.js';
import { InvalidAddressError } from '../../mail/transport.js';
import { bounceAddress } from '../../security/bounce-address.js';
import { loopSwitch, type SendLoop, type SendLoopOptions, sendLoopSettings } from '../send-loop.js';

export interface DispatcherOptions extends SendLoopOptions {
  store: DeliveryStore;
  /** Campaign texts by slug (cached by the caller). */
  campaigns: { findBySlug(slug: string): Promise<CampaignWithContent | undefined> };
  site: { name: string; mailFrom: string; secret: string };
  policy?: Partial<DeliveryPolicy>;
  random?: () => number;
}

/** Its stop puts never-started claims back. */
export interface Dispatcher extends SendLoop {
  /** One planning round, then waits for every send it started (tests step the clock between rounds). */
  runOnce(): Promise<number>;
}

/**
 * Outcomes are recorded in the transaction of the next round's claim, which under load comes every few
 * dozen sends: one durable commit per round instead of two. When no round comes within the window (the
 * backlog is done, or every address waits for its slot), or more than a batch is waiting, they are
 * recorded on their own.
 */
const flushBatch = 256;
const flushWindowMs = 50;

/**
 * Claimed or in flight at most: this many times the connections. A round is planned when fewer than
 * `refillAt` times the connections wait unstarted, so the next messages are claimed, composed and built
 * before the ones in hand run out (measured on the mail bench: 6× and 1× left sends waiting for their
 * bytes at every round, 8× and 2× carry 10 % more messages a second). A kill costs up to this many
 * messages into `unknown` (decision 0007).
 */
const lookahead = 8;
const refillAt = 2;

/**
 * A claimed message made ready ahead of its turn: its letter composed and, when the transport can take it
 * early, handed over to be built (and signed) while earlier messages are being sent.
 */
type Ready = { mail: OutgoingMail | null; prepared?: PreparedMail } | { error: unknown };

interface Queued {
  m: ClaimedMessage;
  ready: Promise<Ready>;
}

const discard = (r: Ready) => {
  if ('prepared' in r) r.prepared?.discard();
};

export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const policy: DeliveryPolicy = { ...defaultDeliveryPolicy, ...opts.policy };
  const { connections, pollMs, leaseMs, logger, workerId, preparing } = sendLoopSettings(opts);
  const random = opts.random ?? Math.random;
  const mailDomain = addressDomain(opts.site.mailFrom);

  /** Claimed, not yet started, per destination domain. */
  const waiting = new Map<string, Queued[]>();
  /** Claimed or in flight per domain: the planner's view of what this process already holds. */
  const busy = new Map<string, number>();
  /** Current concurrency limit per domain as last read (451 4.7.500 lowers it). */
  const limits = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let sending = 0;
  let pending: SendOutcome[] = [];
  let flushing: Promise<void> | null = null;
  let flushTimer: NodeJS.Timeout | undefined;
  /** Domains with a failure not yet recorded. */
  const blocked = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const loop = loopSwitch({
    leaseMs,
    renew: () => opts.store.renewLeases(workerId, opts.clock.now() + leaseMs),
    renewFailed: (error) => logger.error({ err: error }, 'renewing delivery leases failed'),
    poll: () => schedule(0),
    cancelPoll: () => clearTimeout(timer),
  });
  let round: Promise<number> | null = null;
  let lastRecovery = Number.NEGATIVE_INFINITY;

  const queuedLocally = () => {
    let n = 0;
    for (const q of waiting.values()) n += q.length;
    return n;
  };

  const adjust = (domain: string, by: number) => {
    const n = (busy.get(domain) ?? 0) + by;
    if (n <= 0) busy.delete(domain);
    else busy.set(domain, n);
  };

  async function compose(m: ClaimedMessage): Promise<OutgoingMail | null> {
    const campaign = await opts.campaigns.findBySlug(m.campaignSlug);
    const first = m.signatures[0];
    if (!campaign || !first) return null;
    const texts = letterTexts(campaign, m.target.locale, first.messageLocale ?? first.locale);
    if (!texts) return null;
    const tr = translatorFor(texts.locale);
    const siteName = opts.site.name;
    const letter =
      m.kind === 'digest'
        ? targetDigest({ texts, signatures: m.signatures, since: first.createdAt, siteName }, tr)
        : targetLetter({ texts, signature: first, siteName }, tr);
    return {
      from: { name: letter.fromName, address: campaignSender(opts.site.mailFrom, m.campaignSlug) },
      to: [{ name: m.target.name, address: m.target.email }],
      ...(m.kind === 'signature' && m.supporterEmail
        ? { replyTo: { name: first.name, address: m.supporterEmail } }
        : {}),
      subject: letter.subject,
      text: letter.text,
      messageId: m.messageIdHeader,
      envelopeFrom: bounceAddress(m.id, opts.site.secret, opts.site.mailFrom),
      headers: { 'Content-Language': letter.locale },
    };
  }

  /** Composes a claimed message and hands it to the transport to build, as soon as it is claimed. */
  async function prepare(m: ClaimedMessage): Promise<Ready> {
    try {
      const mail = await compose(m);
      if (!mail || !preparing) return { mail };
      return { mail, prepared: preparing.prepare(mail) };
    } catch (error) {
      return { error };
    }
  }

  async function sendOne({ m, ready }: Queued): Promise<void> {
    const domain = addressDomain(m.target.email);
    let outcome: SendOutcome;
    try {
      const r = await ready;
      if ('error' in r) throw r.error;
      if (!r.mail) {
        outcome = {
          messageId: m.id,
          ok: false,
          domain,
          address: m.target.email.toLowerCase(),
          outcome: { action: 'fail', reason: 'the campaign has no published text for this message' },
        };
      } else {
        await (r.prepared ? r.prepared.send() : opts.transport.send(r.mail));
        outcome = { messageId: m.id, ok: true, domain };
      }
    } catch (error) {
      const failure =
        error instanceof InvalidAddressError
          ? { action: 'fail' as const, reason: error.message }
          : classifySmtpFailure(error as Parameters<typeof classifySmtpFailure>[0]);
      if (failure.action === 'unknown') {
        logger.warn(
          { messageId: m.id, to: m.target.email, reason: failure.reason },
          'delivery outcome unknown',
        );
      }
      outcome = {
        messageId: m.id,
        ok: false,
        domain,
        address: m.target.email.toLowerCase(),
        outcome: failure,
      };
      // The domain's shared timer (or pause) now holds its other claimed messages back too.
      if (failure.action === 'retry' || failure.action === 'pause-domain') {
        if (failure.action === 'pause-domain') limits.set(domain, 0);
        else if (failure.slowDown) limits.set(domain, 1);
        holdBack(domain);
      }
    }
    if (!outcome.ok && outcome.outcome.action !== 'unknown' && outcome.outcome.action !== 'fail') {
      // Until this outcome is recorded (domain timer, pause, bounce), plan nothing more for the domain.
      blocked.add(domain);
    }
    pending.push(outcome);
    scheduleFlush();
  }

  /** Puts a domain's claimed-but-unstarted messages back in the queue (its timer or pause now applies). */
  function holdBack(domain: string): void {
    const queue = waiting.get(domain);
    if (!queue || queue.length === 0) return;
    waiting.delete(domain);
    adjust(domain, -queue.length);
    for (const q of queue) void q.ready.then(discard);
    const p = opts.store
      .release(queue.map((q) => q.m.id))
      .catch((error: unknown) => logger.error({ err: error }, 'releasing held-back messages failed'))
      .finally(() => inFlight.delete(p));
    inFlight.add(p);
  }

  /**
   * Records outcomes in batches: the first outcome starts a short window (or a full batch ends it), and
   * whatever arrives while a write runs goes in the next one. One transaction per batch, not per message.
   */
  function scheduleFlush(): void {
    if (flushTimer || flushing) return;
    if (pending.length >= flushBatch) {
      void flushNow();
      return;
    }
    flushTimer = setTimeout(() => {
      flushTimer = undefined;
      void flushNow();
    }, flushWindowMs);
  }

  function flushNow(): Promise<void> {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (!flushing) {
      flushing = (async () => {
        while (pending.length > 0) {
          const batch = pending;
          pending = [];
          try {
            await opts.store.record(batch, opts.clock.now(), policy);
          } catch (error) {
            logger.error({ err: error, count: batch.length }, 'recording delivery outcomes failed');
            // Left `sending`: their lease runs out and recovery marks them unknown, never resent.
          }
          for (const o of batch) if (!o.ok) blocked.delete(o.domain);
        }
      })().finally(() => {
        flushing = null;
        if (pending.length > 0) scheduleFlush();
      });
    }
    return flushing;
  }

  /**
   * Starts what each domain's concurrency allows. Up to twice as many sends as connections: the extra ones
   * wait in the pool with their bytes ready, so a connection goes on with the next message the moment it
   * is free (a waiting send holds its domain's slot, so the domain's limit is never exceeded).
   */
  function pump(): void {
    for (const [domain, queue] of waiting) {
      const limit = limits.get(domain) ?? policy.domainConcurrency;
      let active = (busy.get(domain) ?? 0) - queue.length;
      while (queue.length > 0 && active < Math.max(limit, 0) && sending < connections * 2) {
        const q = queue.shift()!;
        active++;
        sending++;
        const p = sendOne(q).finally(() => {
          sending--;
          adjust(domain, -1);
          inFlight.delete(p);
          pump();
          // Plan the next round before the local queue runs dry, so connections never idle.
          if (loop.running && queuedLocally() < connections * refillAt) schedule(0);
        });
        inFlight.add(p);
      }
      if (queue.length === 0) waiting.delete(domain);
    }
  }

  async function plan(): Promise<number> {
    const now = opts.clock.now();
    if (now - lastRecovery >= leaseMs / 3) {
      lastRecovery = now;
      const lost = await opts.store.recoverAbandoned(now);
      for (const m of lost) {
        logger.warn(
          { messageId: m.id, to: m.toAddress },
          'delivery interrupted mid-send: marked unknown, not resent',
        );
      }
    }
    const room = connections * lookahead - sending - queuedLocally();
    if (room <= 0) return 0;
    const candidates = (await opts.store.candidates(now)).filter(
      (c) => !blocked.has(addressDomain(c.address)),
    );
    if (candidates.length === 0) return 0;
    const addresses = candidates.map((c) => c.address);
    const [pacing, domains] = await Promise.all([
      opts.store.pacing(addresses),
      opts.store.domains(addresses.map(addressDomain)),
    ]);
    for (const [name, state] of domains)
      limits.set(name, state.pausedAt ? 0 : (state.concurrency ?? policy.domainConcurrency));
    for (const name of new Set(addresses.map(addressDomain))) {
      if (!domains.has(name)) limits.set(name, policy.domainConcurrency);
    }
    const claims = planSends({ now, candidates, pacing, domains, busy, max: room, policy, random });
    const outcomes = pending;
    pending = [];
    let claimed: ClaimedMessage[];
    try {
      claimed = await opts.store.claim(
        claims,
        { workerId, leaseUntil: now + leaseMs, now, messageIdDomain: mailDomain },
        { outcomes, policy },
      );
    } catch (error) {
      // Nothing of the transaction stayed: the outcomes wait for the next round or flush.
      pending = outcomes.concat(pending);
      scheduleFlush();
      throw error;
    }
    for (const o of outcomes) if (!o.ok) blocked.delete(o.domain);
    if (pending.length === 0) {
      clearTimeout(flushTimer);
      flushTimer = undefined;
    }
    for (const m of claimed) {
      const domain = addressDomain(m.target.email);
      adjust(domain, 1);
      const queue = waiting.get(domain) ?? [];
      queue.push({ m, ready: prepare(m) });
      waiting.set(domain, queue);
    }
    pump();
    return claimed.length;
  }

  function runRound(): Promise<number> {
    round ??= plan().finally(() => {
      round = null;
    });
    return round;
  }

  function schedule(ms: number): void {
    if (!loop.running) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      runRound()
        // Busy: completions call the next round. Idle: look again after pollMs.
        .then((n) =>
          schedule(n > 0 && queuedLocally() < connections * refillAt ? 0 : sending > 0 ? pollMs * 5 : pollMs),
        )
        .catch((error: unknown) => {
          logger.error({ err: error }, 'delivery round failed');
          schedule(pollMs * 5);
        });
    }, ms);
    timer.unref?.();
  }

  return {
    workerId,
    start: loop.start,
    async stop() {
      loop.stop();
      await round?.catch(() => 0);
      const unstarted = [...waiting.values()].flat();
      waiting.clear();
      for (const q of unstarted) {
        adjust(addressDomain(q.m.target.email), -1);
        void q.ready.then(discard);
      }
      await Promise.allSettled([...inFlight]);
      await flushNow();
      if (unstarted.length > 0) await opts.store.release(unstarted.map((q) => q.m.id));
    },
    async runOnce() {
      const n = await runRound();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      await flushNow();
      return n;
    },
    wake() {
      if (loop.running) schedule(0);
    },
  };
}
