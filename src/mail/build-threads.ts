// Mail build threads: nodemailer's MIME composer and DKIM signer run on worker threads, so the event loop of
// a delivery worker claims, composes, writes bytes to SMTP connections and records outcomes, and a second
// core builds and signs. Building a message costs ~0.2 ms of CPU and an RSA-2048 signature ~1 ms, more
// than everything else a message needs put together. The loop validates each message and makes the composer's options (mime.ts
// `composerOptions`), so a thread never sees an unchecked header; the thread runs build-thread.entry.ts,
// which builds with mime.ts like the loop does. Messages are handed over when delivery claims them, ahead
// of their turn, in one postMessage per turn of the loop, so the bytes are ready when a connection is.
//
// A build has no effect outside the thread, so a thread that dies loses nothing: it is replaced and what
// it held is built by the new one; a message whose thread died twice fails (delivery retries it later).
import { Worker } from 'node:worker_threads';
import type { BuiltMessage, ComposerOptions, DkimKey } from './mime.js';

/** What each thread starts with. */
export interface BuildThreadData {
  keys: DkimKey[];
}

/** Posted to a thread in batches. `urgent`: the loop waits for this one, build it next. */
export type BuildRequest =
  | { kind: 'build'; id: number; options: ComposerOptions }
  | { kind: 'urgent'; id: number }
  | { kind: 'cancel'; id: number };

export type BuildReply =
  | { id: number; raw: Uint8Array; envelope: BuiltMessage['envelope']; messageId: string }
  | { id: number; error: string };

/** Threads a message may be given to before it fails. */
const maxTries = 2;

const here = import.meta.url;
const fromSources = here.endsWith('.ts');
const entry = new URL(`./build-thread.entry.${fromSources ? 'ts' : 'js'}`, here);

/**
 * A thread's young generation. V8 sizes it from the machine's memory (it reached 128 MB per thread here),
 * and a build thread's garbage is one message at a time: 16 MB keeps its heap near 40 MB at full rate
 * (decision 0020, "Memory").
 */
const resourceLimits = { maxYoungGenerationSizeMb: 16 };

function startWorker(data: BuildThreadData): Worker {
  if (!fromSources) return new Worker(entry, { workerData: data, resourceLimits });
  // Running from the TypeScript sources (tests, tsx): the thread loads its entry through tsx.
  const boot = `require('tsx/esm/api').tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(here)});`;
  return new Worker(boot, { eval: true, workerData: data, resourceLimits });
}

/** A message being built: its bytes, or a way to say it is needed now or no longer. */
export interface BuildJob {
  readonly built: Promise<BuiltMessage>;
  /** The caller is waiting for it: build it before the others. */
  urgent(): void;
  /** It will not be sent: skip it if not built yet. */
  cancel(): void;
  /**
   * It was sent: its bytes are freed now. They came from the thread in a buffer of their own, and freed
   * only by V8's next full collection they piled up to ~64 MB between two (decision 0020, "Memory").
   */
  release(): void;
}

export interface BuildThreads {
  build(options: ComposerOptions): BuildJob;
  /** The threads running now (started on the first message). */
  workers(): readonly Worker[];
  close(): Promise<void>;
}

interface Job {
  id: number;
  /** Kept to give the message to another thread if this one dies; dropped once built. */
  options: ComposerOptions | null;
  tries: number;
  /** The thread holding it; none only before its first assignment. */
  thread: Thread | undefined;
  resolve(b: BuiltMessage): void;
  reject(e: Error): void;
}

interface Thread {
  worker: Worker;
  jobs: Map<number, Job>;
  outbox: BuildRequest[];
}

/** `threads` threads, started on the first message so that a process that never sends mail starts none. */
export function createBuildThreads(keys: readonly DkimKey[], threads: number): BuildThreads {
  const count = Math.max(1, threads);
  const data: BuildThreadData = { keys: keys.map((k) => ({ ...k })) };
  const pool: Thread[] = [];
  let nextId = 0;
  let closed = false;

  /** Everything posted to a thread in one turn of the loop goes in one message. */
  const post = (thread: Thread, m: BuildRequest) => {
    if (thread.outbox.push(m) > 1) return;
    queueMicrotask(() => {
      const batch = thread.outbox;
      thread.outbox = [];
      thread.worker.postMessage(batch);
    });
  };

  // An idle thread never keeps the process alive; one with work does.
  const track = (thread: Thread) => {
    if (thread.jobs.size === 0) thread.worker.unref();
    else thread.worker.ref();
  };

  const spawn = (slot: number): Thread => {
    const worker = startWorker(data);
    const thread: Thread = { worker, jobs: new Map(), outbox: [] };
    worker.on('message', (replies: BuildReply[]) => {
      for (const r of replies) {
        const job = thread.jobs.get(r.id);
        if (!job) continue;
        thread.jobs.delete(r.id);
        job.options = null;
        if ('raw' in r) {
          const raw = Buffer.from(r.raw.buffer, r.raw.byteOffset, r.raw.byteLength);
          job.resolve({ raw, envelope: r.envelope, messageId: r.messageId });
        } else {
          job.reject(new Error(`Building the message failed: ${r.error}`));
        }
      }
      track(thread);
    });
    let gone = false;
    const fail = (why: string) => {
      if (gone) return;
      gone = true;
      const held = [...thread.jobs.values()];
      thread.jobs.clear();
      if (!closed && pool[slot] === thread) pool[slot] = spawn(slot);
      for (const job of held) {
        if (closed || job.tries >= maxTries) job.reject(new Error(`${why}; the message was not sent`));
        else assign(job);
      }
    };
    worker.on('error', (error) => fail(`Mail build thread failed (${error.message})`));
    worker.on('exit', (code) => fail(`Mail build thread exited (${code})`));
    worker.unref();
    return thread;
  };

  /** Gives a message to the thread with the least work (again, after a thread died). */
  const assign = (job: Job) => {
    const options = job.options;
    if (options === null) return; // built already: nothing to give
    if (pool.length === 0) for (let i = 0; i < count; i++) pool.push(spawn(i));
    let thread = pool[0]!;
    for (const t of pool) if (t.jobs.size < thread.jobs.size) thread = t;
    job.thread = thread;
    job.tries++;
    thread.jobs.set(job.id, job);
    track(thread);
    post(thread, { kind: 'build', id: job.id, options });
  };

  return {
    build(options: ComposerOptions): BuildJob {
      if (closed) {
        const built = Promise.reject(new Error('Mail build threads closed'));
        return { built, urgent() {}, cancel() {}, release() {} };
      }
      let settle!: Pick<Job, 'resolve' | 'reject'>;
      const built = new Promise<BuiltMessage>((resolve, reject) => {
        settle = { resolve, reject };
      });
      const job: Job = { id: nextId++, options, tries: 0, thread: undefined, ...settle };
      assign(job);
      return {
        built,
        urgent() {
          const thread = job.thread;
          if (thread?.jobs.has(job.id)) post(thread, { kind: 'urgent', id: job.id });
        },
        cancel() {
          const thread = job.thread;
          if (!thread?.jobs.delete(job.id)) return;
          track(thread);
          post(thread, { kind: 'cancel', id: job.id });
        },
        release() {
          void built.then(
            ({ raw }) => {
              // The thread made this buffer for this message alone (build-thread.entry.ts), and the socket
              // is done with it once the server has answered: detaching it frees the memory at once.
              const bytes = raw.buffer;
              if (bytes instanceof ArrayBuffer && !bytes.detached) bytes.transfer(0);
            },
            () => undefined,
          );
        },
      };
    },
    workers: () => pool.map((t) => t.worker),
    async close() {
      closed = true;
      await Promise.all(pool.map((t) => t.worker.terminate()));
    },
  };
}
