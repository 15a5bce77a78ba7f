import { describe, expect, it } from 'vitest';
import { randomToken } from './random-pool.js';

describe('randomToken', () => {
  it('gives base64url of the asked length, never the same twice across pool refills', () => {
    const seen = new Set<string>();
    // 24 bytes × 2,000 draws is about twelve refills of the 4 KB pool.
    for (let i = 0; i < 2_000; i++) {
      const t = randomToken(24);
      expect(t).toMatch(/^[A-Za-z0-9_-]{32}$/);
      seen.add(t);
    }
    expect(seen.size).toBe(2_000);
    expect(Buffer.from(randomToken(9), 'base64url')).toHaveLength(9);
    expect(Buffer.from(randomToken(1000), 'base64url')).toHaveLength(1000);
  });

  it('hands out bytes that look uniform (no zeroed or repeated slices)', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_000; i++) for (const b of Buffer.from(randomToken(16), 'base64url')) counts[b]!++;
    // 64,000 bytes: 250 expected per value; a wiped (zero) slice handed out again would pile up at 0.
    expect(Math.max(...counts)).toBeLessThan(400);
    expect(Math.min(...counts)).toBeGreaterThan(130);
  });
});
