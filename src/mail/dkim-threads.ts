// DKIM signing on worker threads. An RSA-2048 signature costs about a millisecond of CPU, which on the
// delivery worker's event loop is more than everything else a message needs (building, the database,
// the SMTP conversation) put together. Signing on threads lets the loop go on with the next message,
// and uses a second core where there is one. The signing itself is nodemailer's DKIM module, the same
// one mime.ts uses inline, loaded inside each thread.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { DkimKey } from './mime.js';

/** Runs in each thread: sign what arrives, answer with the same id. CommonJS, so `require` works. */
const threadSource = `
const { parentPort, workerData } = require('node:worker_threads');
const DKIM = require(workerData.dkimModule);
const dkim = new DKIM({ keys: workerData.keys });
parentPort.on('message', ({ id, raw }) => {
  const chunks = [];
  const out = dkim.sign(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  out.on('data', (c) => chunks.push(c));
  out.once('error', (e) => parentPort.postMessage({ id, error: String((e && e.message) || e) }));
  out.once('end', () => parentPort.postMessage({ id, signed: Buffer.concat(chunks) }));
});
`;

const dkimModule = createRequire(import.meta.url).resolve('nodemailer/lib/dkim');

interface Pending {
  resolve(b: Buffer): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export interface ThreadedSigner {
  sign(raw: Buffer): Promise<Buffer>;
  close(): Promise<void>;
}

export function createThreadedDkimSigner(keys: readonly DkimKey[], threads: number): ThreadedSigner {
  let nextId = 0;
  let turn = 0;
  let closed = false;
  const pool: Thread[] = [];

  const spawn = (slot: number): Thread => {
    const worker = new Worker(threadSource, {
      eval: true,
      workerData: { dkimModule, keys: keys.map((k) => ({ ...k })) },
    });
    const thread: Thread = { worker, pending: new Map() };
    worker.on('message', (m: { id: number; signed?: Uint8Array; error?: string }) => {
      const p = thread.pending.get(m.id);
      if (!p) return;
      thread.pending.delete(m.id);
      if (m.signed) p.resolve(Buffer.from(m.signed.buffer, m.signed.byteOffset, m.signed.byteLength));
      else p.reject(new Error(`DKIM signing failed: ${m.error}`));
    });
    // A thread that dies fails what it held (those messages stay unsent and are retried) and is replaced.
    const fail = (error: Error) => {
      for (const p of thread.pending.values()) p.reject(error);
      thread.pending.clear();
      if (!closed && pool[slot] === thread) pool[slot] = spawn(slot);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`DKIM thread exited (${code})`)));
    // Idle threads never keep the process alive.
    worker.unref();
    return thread;
  };
  for (let i = 0; i < Math.max(1, threads); i++) pool.push(spawn(i));

  return {
    sign(raw) {
      if (closed) return Promise.reject(new Error('DKIM signer closed'));
      const thread = pool[turn++ % pool.length]!;
      const id = nextId++;
      return new Promise((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ id, raw });
      });
    },
    async close() {
      closed = true;
      await Promise.all(pool.map((t) => t.worker.terminate()));
    },
  };
}
