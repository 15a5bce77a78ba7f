import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter, rateLimiterMaxKeys } from './rate-limiter.js';

const t0 = Date.UTC(2026, 10, 23, 10, 0, 0);

describe('MemoryRateLimiter', () => {
  it('flags an IP beyond its hourly limit, and forgets it two hours later', async () => {
    const limiter = new MemoryRateLimiter(async () => ({ ipPerHour: 3, domainPerHour: 100 }));
    const results = [];
    for (let i = 0; i < 5; i++)
      results.push((await limiter.hit({ ip: 'a', emailDomain: `d${i}.org` }, t0 + i)).over);
    expect(results).toEqual([false, false, false, true, true]);
    expect((await limiter.hit({ ip: 'b', emailDomain: 'x.org' }, t0)).over).toBe(false);
    expect((await limiter.hit({ ip: 'a', emailDomain: 'y.org' }, t0 + 2 * 3_600_000)).over).toBe(false);
  });

  it('carries the previous hour into the next (sliding), so a burst at :59 is not reset at :00', async () => {
    const limiter = new MemoryRateLimiter(async () => ({ ipPerHour: 3, domainPerHour: 100 }));
    for (let i = 0; i < 3; i++) await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0 + 3_599_000);
    expect((await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0 + 3_601_000)).over).toBe(true);
  });

  it('limits a throwaway domain but never a shared webmail provider', async () => {
    const limiter = new MemoryRateLimiter(async () => ({ ipPerHour: 1000, domainPerHour: 2 }));
    const over = async (domain: string) =>
      (await limiter.hit({ ip: `ip-${Math.random()}`, emailDomain: domain }, t0)).over;
    expect([await over('spam.example'), await over('spam.example'), await over('spam.example')]).toEqual([
      false,
      false,
      true,
    ]);
    for (let i = 0; i < 5; i++) expect(await over('gmail.com')).toBe(false);
  });

  it('reads its limits on every hit, so a changed setting applies without restart', async () => {
    let limits = { ipPerHour: 1, domainPerHour: 100 };
    const limiter = new MemoryRateLimiter(async () => limits);
    await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0);
    expect((await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0)).over).toBe(true);
    limits = { ipPerHour: 10, domainPerHour: 100 };
    expect((await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0)).over).toBe(false);
  });

  it('peeks at a network without counting it', async () => {
    const limiter = new MemoryRateLimiter(async () => ({ ipPerHour: 2, domainPerHour: 100 }));
    for (let i = 0; i < 5; i++) expect((await limiter.peek({ ip: 'a' }, t0)).over).toBe(false);
    await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0);
    expect((await limiter.peek({ ip: 'a' }, t0)).over).toBe(false);
    await limiter.hit({ ip: 'a', emailDomain: 'x.org' }, t0);
    expect((await limiter.peek({ ip: 'a' }, t0)).over).toBe(true);
  });

  it('keeps a live count when the window is filled with invented keys, in bounded memory', async () => {
    const limiter = new MemoryRateLimiter(async () => ({ ipPerHour: 1_000_000, domainPerHour: 3 }));
    const over = async (ip: string, domain: string) =>
      (await limiter.hit({ ip, emailDomain: domain }, t0)).over;
    expect([await over('a', 'throwaway.example'), await over('a', 'throwaway.example')]).toEqual([
      false,
      false,
    ]);
    // Twice the window's room in invented domains, each seen twice, from invented networks.
    for (let i = 0; i < 2 * rateLimiterMaxKeys; i++) {
      await over(`n${i}`, `invented-${i}.example`);
      if (i % 4 === 0) await over(`n${i}`, `invented-${i}.example`);
    }
    expect(await over('b', 'throwaway.example')).toBe(false);
    expect(await over('c', 'throwaway.example')).toBe(true);
    expect(limiter.size.domains).toBeLessThanOrEqual(rateLimiterMaxKeys);
    expect(limiter.size.ips).toBeLessThanOrEqual(rateLimiterMaxKeys);
  });
});
