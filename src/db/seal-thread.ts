// A thread that seals signatures' personal fields for the SQLite signing batch, so that the event loop of a
// web process, which parses, validates and answers every request and runs the batch's statements, does not
// also spend ~50 µs of AES-GCM and HMAC per signature (six seals and two indexes, decision 0023): on a
// machine with a second core the sign path keeps its pre-encryption pace. The batch is handed over in one
// message and comes back sealed before its transaction begins.
//
// Sealing has no effect outside the thread, so a thread that fails loses nothing: the batch is sealed on
// the event loop instead, and after three failures the thread is no longer used.
import { Worker } from 'node:worker_threads';
import type { DataKey, DataVault, IndexKey } from '../security/data-keys.js';
import { type SealedSignatureFields, type SignatureFields, sealSignatureFields } from './signature-seals.js';

/** What the thread starts with: the process's key ring, to build the same vault. */
export interface SealThreadData {
  keys: readonly DataKey[];
  indexKeys: readonly IndexKey[];
}

export interface SealRequest {
  id: number;
  fields: SignatureFields[];
}
export type SealReply = { id: number; sealed: SealedSignatureFields[] } | { id: number; error: string };

const here = import.meta.url;
const fromSources = here.endsWith('.ts');
const entry = new URL(`./seal-thread.entry.${fromSources ? 'ts' : 'js'}`, here);
/** A thread's garbage is one batch at a time. */
const resourceLimits = { maxYoungGenerationSizeMb: 8 };
const maxFailures = 3;

interface Waiting {
  resolve(sealed: SealedSignatureFields[]): void;
  reject(error: Error): void;
}

export class SealThread {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;
  private failures = 0;
  private closed = false;
  /** Batches sealed on the thread and on the event loop (a fallback), for the tests and the benchmark. */
  readonly stats = { onThread: 0, inline: 0 };

  constructor(private readonly vault: DataVault) {}

  /** The batch's fields sealed, in order: by the thread, or on the event loop if the thread fails. */
  async seal(fields: SignatureFields[]): Promise<SealedSignatureFields[]> {
    if (this.closed || this.failures >= maxFailures || fields.length === 0) return this.inline(fields);
    try {
      const sealed = await this.post(fields);
      this.stats.onThread++;
      return sealed;
    } catch {
      return this.inline(fields);
    }
  }

  /** Whether a thread is running now (started on the first batch). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private inline(fields: SignatureFields[]): SealedSignatureFields[] {
    this.stats.inline++;
    return fields.map((f) => sealSignatureFields(this.vault, f));
  }

  private post(fields: SignatureFields[]): Promise<SealedSignatureFields[]> {
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, fields } satisfies SealRequest);
    });
  }

  private start(): Worker {
    const workerData: SealThreadData = { keys: this.vault.keys, indexKeys: this.vault.indexKeys };
    const worker = fromSources
      ? // Running from the TypeScript sources (tests, tsx): the thread loads its entry through tsx.
        new Worker(
          `require('tsx/esm/api').tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(here)});`,
          { eval: true, workerData, resourceLimits },
        )
      : new Worker(entry, { workerData, resourceLimits });
    worker.unref();
    worker.on('message', (reply: SealReply) => {
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      this.waiting.delete(reply.id);
      if (this.waiting.size === 0) worker.unref();
      if ('sealed' in reply) waiting.resolve(reply.sealed);
      else waiting.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failures++;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
      void worker.terminate();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`seal thread exited with ${code}`)));
    this.worker = worker;
    return worker;
  }
}
