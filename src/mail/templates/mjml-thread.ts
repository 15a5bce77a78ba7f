// MJML on a thread of its own that ends when idle. Loading MJML (and the HTML tooling it pulls in) costs a
// process ~80 MB of resident memory and ~17 MB of live heap for as long as it runs, measured here
// (decision 0020, "Memory"); a mailing needs it for one compilation per language, a few seconds at its
// start. So the web and worker processes never load it: compilations go to one thread, started on the
// first one, and the thread exits a quarter second after its last, handing its memory back.
import { Worker } from 'node:worker_threads';

export type MjmlRequest = { id: number; mjml: string };
export type MjmlReply = { id: number; html: string; errors: string[] } | { id: number; error: string };

export interface MjmlResult {
  html: string;
  /** MJML's validation errors (strict): empty when the document is valid. */
  errors: string[];
}

/**
 * How long the thread waits for another compilation before it exits. Short: a mailing asks for all its
 * language versions at once, and a thread kept alive while the mailing's sends start put its ~80 MB on top
 * of the sender's at the process's peak (measured: 342 MB peak against 274–299 MB while sending).
 */
const idleMs = 250;

const here = import.meta.url;
const fromSources = here.endsWith('.ts');
const entry = new URL(`./mjml-thread.entry.${fromSources ? 'ts' : 'js'}`, here);

function startWorker(): Worker {
  if (!fromSources) return new Worker(entry);
  // Running from the TypeScript sources (tests, tsx): the thread loads its entry through tsx.
  const boot = `require('tsx/esm/api').tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(here)});`;
  return new Worker(boot, { eval: true });
}

interface Waiting {
  resolve(r: MjmlResult): void;
  reject(e: Error): void;
}

let worker: Worker | undefined;
const waiting = new Map<number, Waiting>();
let nextId = 0;
let idleTimer: NodeJS.Timeout | undefined;

function thread(): Worker {
  if (worker) return worker;
  const w = startWorker();
  worker = w;
  w.on('message', (r: MjmlReply) => {
    const job = waiting.get(r.id);
    if (!job) return;
    waiting.delete(r.id);
    if ('error' in r) job.reject(new Error(`MJML failed: ${r.error}`));
    else job.resolve({ html: r.html, errors: r.errors });
    settle();
  });
  const gone = (why: string) => {
    if (worker !== w) return;
    worker = undefined;
    clearTimeout(idleTimer);
    const held = [...waiting.values()];
    waiting.clear();
    for (const job of held) job.reject(new Error(why));
  };
  w.on('error', (error) => gone(`MJML thread failed (${error.message})`));
  w.on('exit', (code) => gone(`MJML thread exited (${code})`));
  return w;
}

/** Nothing waiting: the thread no longer keeps the process alive, and ends unless asked again soon. */
function settle(): void {
  if (waiting.size > 0 || !worker) return;
  const w = worker;
  w.unref();
  clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    if (worker !== w || waiting.size > 0) return;
    worker = undefined;
    void w.terminate();
  }, idleMs);
  idleTimer.unref();
}

/** Whether the thread is running now (what the sender's tests check before a first send). */
export const mjmlThreadRunning = (): boolean => worker !== undefined;

/**
 * Ends the thread now if nothing is waiting, and resolves once it has stopped and its memory is handed
 * back: a mailing compiles all its language versions first, then ends the thread before its first send,
 * so MJML's weight and the sender's never add up (decision 0020, "Memory"). Asking again starts another.
 */
export async function endMjmlThread(): Promise<void> {
  const w = worker;
  if (!w || waiting.size > 0) return;
  worker = undefined;
  clearTimeout(idleTimer);
  await w.terminate();
}

/** Compiles one MJML document (strict validation, no comments) on the MJML thread. */
export function compileMjml(mjml: string): Promise<MjmlResult> {
  clearTimeout(idleTimer);
  const w = thread();
  w.ref();
  const id = nextId++;
  return new Promise<MjmlResult>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.postMessage({ id, mjml } satisfies MjmlRequest);
  });
}
