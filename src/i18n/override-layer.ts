// Keeps this process's translators in step with the corrections stored in the database (decision 0036).
// Each request asks `fresh()`; at most once a second (`ttlMs`) the layer reads the version number (one
// indexed row), and only when it moved does it read the corrections and lay them over the catalogs. A
// change made through this process invalidates at once; other processes see it within the TTL.
import type { InterfaceOverrideReader } from '../domain/interface-strings/interface-strings.ports.js';
import { applyInterfaceOverrides } from './translator.js';

/** The layer that last applied its corrections (tests run apps over several databases in one process). */
let applied: InterfaceOverrideLayer | undefined;

const layers = new WeakMap<InterfaceOverrideReader, InterfaceOverrideLayer>();

/**
 * The one layer of a store in this process: the web role's request hook and the worker's jobs share it, so
 * a process running both reads the version once a second, not once per caller.
 */
export function overrideLayerFor(
  reader: InterfaceOverrideReader,
  options: { onError?: (error: unknown) => void } = {},
): InterfaceOverrideLayer {
  let layer = layers.get(reader);
  if (!layer) {
    layer = new InterfaceOverrideLayer(reader, options);
    layers.set(reader, layer);
  }
  return layer;
}

/** Runs each job with this process's corrections read (mail texts are interface strings too). */
export function withCorrections<H extends (...args: never[]) => Promise<void>>(
  layer: InterfaceOverrideLayer,
  handlers: Record<string, H>,
): Record<string, H> {
  const wrap =
    (handler: H) =>
    async (...args: Parameters<H>) => {
      if (!layer.fresh()) await layer.refresh();
      return handler(...args);
    };
  return Object.fromEntries(Object.entries(handlers).map(([kind, h]) => [kind, wrap(h) as unknown as H]));
}

export class InterfaceOverrideLayer {
  private checkedAt = Number.NEGATIVE_INFINITY;
  private version = -1;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly reader: InterfaceOverrideReader,
    private readonly options: { ttlMs?: number; onError?: (error: unknown) => void } = {},
  ) {}

  /** True when the corrections in use are recent enough to answer without a read. */
  fresh(): boolean {
    return applied === this && performance.now() - this.checkedAt < (this.options.ttlMs ?? 1_000);
  }

  /** Reads the version, and the corrections if it moved; one read at a time however many requests wait. */
  refresh(): Promise<void> {
    this.loading ??= this.load().finally(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  /** A change was stored through this process: the next request reads the version again. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private async load(): Promise<void> {
    try {
      const version = await this.reader.version();
      if (version !== this.version || applied !== this) {
        const next = new Map<string, Map<string, string>>();
        for (const o of await this.reader.active()) {
          const byKey = next.get(o.locale) ?? new Map<string, string>();
          byKey.set(o.key, o.message);
          next.set(o.locale, byKey);
        }
        applyInterfaceOverrides(next);
        this.version = version;
        applied = this;
      }
    } catch (error) {
      // The shipped texts (or the last corrections read) keep serving; the next request after the TTL retries.
      this.options.onError?.(error);
    }
    this.checkedAt = performance.now();
  }
}
