// Runs inside each mail build thread (build-threads.ts): builds and DKIM-signs the messages the event loop
// hands it with mime.ts (the very code the event loop and the capture transport run, so every path gives
// the same bytes), one at a time, oldest first unless the loop asks for one it is waiting on, and posts
// the finished bytes back.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildReply, BuildRequest, BuildThreadData } from './build-threads.js';
import { buildFromOptions, type ComposerOptions, createDkimSigner } from './mime.js';

// No stack traces here: errors go back to the loop as their message only, and Node's stream pipeline
// (nodemailer builds every message through two) creates an AbortError with a stack each time one finishes,
// ~10 % of this thread's time.
Error.stackTraceLimit = 0;

const data = workerData as BuildThreadData;
const port = parentPort!;
const sign = createDkimSigner(data.keys);
/** Waiting to be built, by id, in the order they came. */
const waiting = new Map<number, ComposerOptions>();
/** Ids the loop is waiting for: answered as soon as they are built. */
const urgent = new Set<number>();
let outbox: BuildReply[] = [];
let transfer: ArrayBuffer[] = [];
let running = false;

function flush(): void {
  if (outbox.length === 0) return;
  port.postMessage(outbox, transfer);
  outbox = [];
  transfer = [];
}

async function buildWaiting(): Promise<void> {
  if (running) return;
  running = true;
  try {
    for (;;) {
      const next = waiting.entries().next();
      if (next.done) break;
      const [id, options] = next.value;
      waiting.delete(id);
      try {
        const built = await buildFromOptions(options, sign);
        // The bytes go back in a buffer of their own, moved rather than copied (a Buffer may be a view
        // into a pool shared with other buffers, which must not be moved).
        const raw = new Uint8Array(built.raw.length);
        raw.set(built.raw);
        outbox.push({ id, raw, envelope: built.envelope, messageId: built.messageId });
        transfer.push(raw.buffer);
      } catch (error) {
        outbox.push({ id, error: error instanceof Error ? error.message : String(error) });
      }
      // Answers go in small batches, unless the loop waits for this one; a turn of the loop between
      // builds takes in new requests.
      if (urgent.delete(id) || outbox.length >= 8 || waiting.size === 0) flush();
      await nextTurn();
    }
  } finally {
    running = false;
    flush();
  }
}

port.on('message', (batch: BuildRequest[]) => {
  for (const m of batch) {
    if (m.kind === 'build') {
      waiting.set(m.id, m.options);
    } else if (m.kind === 'urgent') {
      // Moved to the front: the loop is waiting to send it.
      const options = waiting.get(m.id);
      if (options === undefined) {
        // Built already and waiting in the outbox: send it now.
        if (outbox.some((r) => r.id === m.id)) flush();
        continue;
      }
      urgent.add(m.id);
      const rest = [...waiting];
      waiting.clear();
      waiting.set(m.id, options);
      for (const [id, o] of rest) if (id !== m.id) waiting.set(id, o);
    } else {
      waiting.delete(m.id);
      urgent.delete(m.id);
    }
  }
  void buildWaiting();
});
