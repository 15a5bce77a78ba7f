// Memory of a benchmark and of the processes it starts (Chromium's), sampled while a piece of work runs:
// RSS of node, RSS and PSS of the children (PSS splits the pages they share), and node's own peak.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** Proportional set size of a process in kB (shared pages split among their sharers), 0 once it is gone. */
export function pss(pid: number): number {
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
 * Memory of this process (RSS) and of every process under it (Chromium's), in MB: their RSS added up counts
 * pages the browser's processes share (fonts, code) once per process, so their PSS is given too.
 */
export function treeRss(): { node: number; chromium: number; chromiumPss: number } {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of rows)
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
  }
  const sum = (pick: (pid: number) => boolean) =>
    rows.reduce((n, [pid, , rss]) => (pick(pid) ? n + rss : n), 0) / 1024;
  return {
    node: sum((pid) => pid === process.pid),
    chromium: sum((pid) => pid !== process.pid && mine.has(pid)),
    chromiumPss: [...mine].filter((pid) => pid !== process.pid).reduce((n, pid) => n + pss(pid), 0) / 1024,
  };
}

export interface Peak {
  node: number;
  chromium: number;
  chromiumPss: number;
  /** The largest sum seen at one sample (the two peaks need not coincide). */
  both: number;
}

/** Runs `work`, sampling the RSS of node and of Chromium every 250 ms; its time and the peaks. */
export async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peak: Peak }> {
  const peak: Peak = { node: 0, chromium: 0, chromiumPss: 0, both: 0 };
  const sample = () => {
    const now = treeRss();
    peak.node = Math.max(peak.node, now.node);
    peak.chromium = Math.max(peak.chromium, now.chromium);
    peak.chromiumPss = Math.max(peak.chromiumPss, now.chromiumPss);
    peak.both = Math.max(peak.both, now.node + now.chromiumPss);
  };
  sample();
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
export function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
