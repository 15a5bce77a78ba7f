// Per-IP (keyed hash, IPv6 /64) and per-email-domain limits for signing. Over a limit a signature is held
// for confirmation, never refused. Counts live in memory per web process (an abuse signal, not something
// correctness depends on); the limits come from settings so editors can change them during a push.
import type { RateLimiter } from '../domain/signature/signature.ports.js';

export interface RateLimits {
  ipPerHour: number;
  domainPerHour: number;
}

// Webmail providers where thousands of real supporters share a domain.
const sharedProviders = new Set([
  'gmail.com',
  'yahoo.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'yandex.ru',
  'mail.ru',
  'proton.me',
  'protonmail.com',
  'naver.com',
  'qq.com',
  '163.com',
  'yahoo.co.uk',
  'yahoo.fr',
  'orange.fr',
  'free.fr',
  'libero.it',
  'hotmail.co.uk',
  'hotmail.fr',
  'btinternet.com',
  'comcast.net',
  'uol.com.br',
  'bol.com.br',
  'rediffmail.com',
]);

const hour = 3_600_000;
/** Keys per window and counter: bounded memory (a few tens of MB at worst). */
export const rateLimiterMaxKeys = 200_000;

/**
 * Two fixed one-hour windows, weighted: a sliding-hour estimate in constant memory per key. A full window
 * drops its keys with the fewest hits, never all of them: filling it with invented domains or addresses
 * (each seen once or twice) must not reset a network that is close to its limit.
 */
class SlidingCounter {
  private current = new Map<string, number>();
  private previous = new Map<string, number>();
  private windowStart = 0;

  constructor(private readonly maxKeys: number) {}

  hit(key: string, now: number): number {
    this.roll(now);
    if (!this.current.has(key) && this.current.size >= this.maxKeys) this.evict();
    this.current.set(key, (this.current.get(key) ?? 0) + 1);
    return this.count(key, now);
  }

  /**
   * Frees a tenth of the window: the keys with the fewest hits go first, the oldest of those first. One
   * pass to count, one to delete, once per tenth of the window filled: constant time per hit on average.
   */
  private evict(): void {
    let excess = this.current.size - Math.floor(this.maxKeys * 0.9);
    const keysPerCount = new Map<number, number>();
    for (const n of this.current.values()) keysPerCount.set(n, (keysPerCount.get(n) ?? 0) + 1);
    let threshold = 0;
    let atThreshold = 0;
    for (const n of [...keysPerCount.keys()].sort((a, b) => a - b)) {
      threshold = n;
      atThreshold = Math.min(excess, keysPerCount.get(n)!);
      excess -= keysPerCount.get(n)!;
      if (excess <= 0) break;
    }
    for (const [key, n] of this.current) {
      if (n < threshold) this.current.delete(key);
      else if (n === threshold && atThreshold > 0) {
        this.current.delete(key);
        atThreshold--;
      }
    }
  }

  /** Keys held in both windows. */
  get size(): number {
    return this.current.size + this.previous.size;
  }

  /** The sliding-hour count without adding to it. */
  peek(key: string, now: number): number {
    this.roll(now);
    return this.count(key, now);
  }

  private roll(now: number): void {
    const start = Math.floor(now / hour) * hour;
    if (start === this.windowStart) return;
    this.previous = start - this.windowStart === hour ? this.current : new Map();
    this.current = new Map();
    this.windowStart = start;
  }

  private count(key: string, now: number): number {
    const weight = 1 - (now - this.windowStart) / hour;
    return (this.current.get(key) ?? 0) + (this.previous.get(key) ?? 0) * weight;
  }
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly ips: SlidingCounter;
  private readonly domains: SlidingCounter;

  constructor(
    private readonly limits: () => Promise<RateLimits>,
    maxKeys = rateLimiterMaxKeys,
  ) {
    this.ips = new SlidingCounter(maxKeys);
    this.domains = new SlidingCounter(maxKeys);
  }

  async hit(keys: { ip: string; emailDomain: string }, now: number): Promise<{ over: boolean }> {
    const limits = await this.limits();
    const ipCount = this.ips.hit(keys.ip, now);
    const domainCount = sharedProviders.has(keys.emailDomain) ? 0 : this.domains.hit(keys.emailDomain, now);
    return { over: ipCount > limits.ipPerHour || domainCount > limits.domainPerHour };
  }

  /** Keys held, per counter (each window holds at most the limit given to the constructor). */
  get size(): { ips: number; domains: number } {
    return { ips: this.ips.size, domains: this.domains.size };
  }

  async peek(keys: { ip: string }, now: number): Promise<{ over: boolean }> {
    const limits = await this.limits();
    return { over: this.ips.peek(keys.ip, now) + 1 > limits.ipPerHour };
  }
}
