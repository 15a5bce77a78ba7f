// A clock the test moves by hand: no sleeps, no real time in assertions.
import type { Clock } from '../src/domain/shared/clock.js';

export class FakeClock implements Clock {
  constructor(private t = Date.UTC(2026, 10, 23, 9, 0, 0)) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
  set(ms: number): void {
    this.t = ms;
  }
}
