// Preloaded (`node --import ./bench/lib/memory-sampler.mjs`) into a process a benchmark measures: every
// BENCH_MEMORY_EVERY_MS (default 500) it appends one JSON line to BENCH_MEMORY_LOG with
// process.memoryUsage() and the size of each V8 heap space, from every thread (`thread` 0 is the main one;
// `rss` is the whole process's, the rest the thread's own isolate), so the benchmark can say what the memory was
// made of at its peak (heap, external buffers, or outside V8) rather than only how high it went.
// Plain JavaScript so it loads before anything else, with no loader; it changes nothing in the process.
import { appendFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';
import { threadId } from 'node:worker_threads';

const file = process.env.BENCH_MEMORY_LOG;
if (file) {
  const every = Number(process.env.BENCH_MEMORY_EVERY_MS ?? 500);
  const mb = (n) => Math.round(n / 1048576);
  const started = performance.now();
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    const spaces = {};
    for (const s of getHeapSpaceStatistics()) spaces[s.space_name] = mb(s.space_size);
    appendFileSync(
      file,
      `${JSON.stringify({
        thread: threadId,
        t: Math.round(performance.now() - started),
        rss: mb(m.rss),
        heapTotal: mb(m.heapTotal),
        heapUsed: mb(m.heapUsed),
        external: mb(m.external),
        arrayBuffers: mb(m.arrayBuffers),
        spaces,
      })}\n`,
    );
  }, every);
  timer.unref();
}
