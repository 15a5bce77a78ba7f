// Time is a port: use cases and jobs ask the clock, so tests can step it (token expiry, pacing, DST).
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
