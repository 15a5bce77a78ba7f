// Live totals for open campaign pages. After each commit the signing path calls notify(); within the
// debounce window the totals of the campaigns that changed are read once and pushed to every open stream.
// With several web processes (PostgreSQL) each process also polls, so a signature committed by another
// process shows within pollMs. Nothing here is needed for correctness: a page without it shows its number.
// Streams are counted per client network too, so one network cannot hold every stream there is.

export type TotalsReader = (campaignIds: number[]) => Promise<Map<number, number>>;

type Listener = (total: number) => void;

/** Open streams one client network may hold: a workplace behind one address, each person a tab or two. */
export const streamsPerClient = 50;

export class LiveCounters {
  private readonly listeners = new Map<number, Set<Listener>>();
  private readonly last = new Map<number, number>();
  private readonly dirty = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private readonly poller: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private readonly clients = new Map<string, number>();

  constructor(
    private readonly totals: TotalsReader,
    private readonly options: {
      debounceMs?: number;
      pollMs?: number;
      onError?: (error: unknown) => void;
      maxPerClient?: number;
    } = {},
  ) {
    if (options.pollMs) {
      this.poller = setInterval(() => this.notify([...this.listeners.keys()]), options.pollMs);
      this.poller.unref();
    }
  }

  get streams(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  /**
   * Reserves a stream for a client network (a keyed hash, never an address); undefined when it already
   * holds its share. The function returned gives the place back, once.
   */
  admit(client: string): (() => void) | undefined {
    const held = this.clients.get(client) ?? 0;
    if (held >= (this.options.maxPerClient ?? streamsPerClient)) return undefined;
    this.clients.set(client, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.clients.get(client) ?? 1) - 1;
      if (left <= 0) this.clients.delete(client);
      else this.clients.set(client, left);
    };
  }

  subscribe(campaignId: number, listener: Listener): () => void {
    let set = this.listeners.get(campaignId);
    if (!set) {
      set = new Set();
      this.listeners.set(campaignId, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(campaignId);
    };
  }

  notify(campaignIds: number[]): void {
    for (const id of campaignIds) if (this.listeners.has(id)) this.dirty.add(id);
    if (this.dirty.size > 0 && !this.timer) {
      this.timer = setTimeout(() => {
        this.timer = undefined;
        this.flushing = this.flush();
      }, this.options.debounceMs ?? 100);
      this.timer.unref();
    }
  }

  /** Waits for a pending push (tests). */
  async settle(): Promise<void> {
    await this.flushing;
  }

  private async flush(): Promise<void> {
    const ids = [...this.dirty];
    this.dirty.clear();
    if (ids.length === 0) return;
    try {
      const totals = await this.totals(ids);
      for (const id of ids) {
        const total = totals.get(id) ?? 0;
        if (this.last.get(id) === total) continue;
        this.last.set(id, total);
        for (const listener of this.listeners.get(id) ?? []) listener(total);
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  close(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.poller) clearInterval(this.poller);
    this.listeners.clear();
  }
}
