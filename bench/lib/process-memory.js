// Memory of a benchmark and of the processes it starts (Chromium's), sampled while a piece of work runs:
// RSS of node, RSS and PSS of the children (PSS splits the pages they share), and node's own peak; and
// Chromium's PSS process by process (browser, GPU, renderer, utilities, zygotes) at its peak, so a launch
// switch that folds or drops a process shows where the memory went.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
/** Proportional set size of a process in kB (shared pages split among their sharers), 0 once it is gone. */
export function pss(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith('Pss:'));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}
/**
 * What a Chromium process is, from its command line: `browser` (no `--type`), `zygote`, `gpu`, `renderer`
 * (`renderer-webui` for a WebUI one), a utility by its service (`network`, `storage`, `audio`, …), or the
 * `--type` as it is; null for a process that is not Chromium's (tsx's esbuild service under the benchmark)
 * or is gone. Chromium rewrites its process title, so the arguments may be one string joined by spaces.
 */
export function chromiumKind(pid) {
  let argv;
  try {
    argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  } catch {
    return null;
  }
  if (!/chrom/i.test(argv[0] ?? '')) return null;
  const value = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const type = value('type');
  if (!type) return 'browser';
  if (type === 'gpu-process') return 'gpu';
  if (type === 'renderer') return argv.includes('--top-chrome-webui') ? 'renderer-webui' : 'renderer';
  if (type === 'utility') {
    const sub = value('utility-sub-type') ?? 'utility';
    // network.mojom.NetworkService → network; storage.mojom.StorageService → storage; audio.mojom… → audio
    return sub.split('.')[0] ?? sub;
  }
  return type;
}
/**
 * Memory of this process (RSS) and of Chromium's processes under it, in MB: their RSS added up counts
 * pages the browser's processes share (fonts, code) once per process, so their PSS is given too, in total
 * and by kind of process (`chromiumKind`; two renderers add up under one name).
 */
export function treeRss() {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number));
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows)
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
  }
  const sum = (pick) => rows.reduce((n, [pid, , rss]) => (pick(pid) ? n + rss : n), 0) / 1024;
  const byKind = {};
  const chromium = new Set();
  let chromiumPss = 0;
  for (const pid of mine) {
    const kind = pid === process.pid ? null : chromiumKind(pid);
    if (!kind) continue;
    chromium.add(pid);
    const mb = pss(pid) / 1024;
    byKind[kind] = (byKind[kind] ?? 0) + mb;
    chromiumPss += mb;
  }
  return {
    node: sum((pid) => pid === process.pid),
    chromium: sum((pid) => chromium.has(pid)),
    chromiumPss,
    byKind,
  };
}
/** Runs `work`, sampling the RSS of node and of Chromium every 250 ms; its time and the peaks. */
export async function measured(work) {
  const peak = { node: 0, nodeStart: 0, chromium: 0, chromiumPss: 0, byKind: {}, both: 0 };
  const sample = () => {
    const now = treeRss();
    peak.node = Math.max(peak.node, now.node);
    peak.chromium = Math.max(peak.chromium, now.chromium);
    if (now.chromiumPss >= peak.chromiumPss) {
      peak.chromiumPss = now.chromiumPss;
      peak.byKind = now.byKind;
    }
    peak.both = Math.max(peak.both, now.node + now.chromiumPss);
  };
  sample();
  peak.nodeStart = peak.node;
  const timer = setInterval(sample, 250);
  const started = performance.now();
  try {
    const value = await work();
    const ms = performance.now() - started;
    sample();
    return { value, ms, peak };
  } finally {
    clearInterval(timer);
  }
}
/**
 * Resets this process's peak RSS (VmHWM) so that work which never yields to the event loop (a synchronous
 * PDF writer) can still be measured: its peak is read afterwards with `peakRssMb`. False where Linux refuses.
 */
export function resetPeakRss() {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
//# sourceMappingURL=process-memory.js.map
