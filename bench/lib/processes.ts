// Starting what a benchmark measures as separate processes (the load generator stays in this one), and
// waiting until they answer. Every process is killed when the benchmark ends, whatever happens.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/config/paths.js';

/** Production refuses to start without the key that signs the signature logs' heads (decision 0031). */
export const benchLogKey = generateKeyPairSync('ed25519')
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

export interface Started {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`process exited with ${child.exitCode} before answering ${url}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

export async function startProcess(
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  port: number,
): Promise<Started> {
  // BENCH_PROFILE=dir writes a V8 CPU profile of each measured process there (open in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...args], {
    cwd: projectRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  children.add(child);
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}${readyPath}`, child);
  return {
    url,
    pid: child.pid!,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}

/** The data key of every benchmark database (production refuses the development key; decision 0023). */
export const benchDataKey = 'YmVuY2gtZGF0YS1rZXktYmVuY2gtZGF0YS1rZXkhIT0=';

/** The built app in production mode, web role only, on a fresh SQLite file (or the given database). */
export function startOutcryServer(
  port: number,
  databaseUrl?: string,
  env: Record<string, string> = {},
): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'outcry-bench-'));
  return startProcess(
    // BENCH_NODE_FLAGS: Node flags to try (e.g. those of `npm start`, which this does not pass).
    [...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean), 'bin/outcry.mjs', 'start'],
    {
      NODE_ENV: 'production',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
      LOG_SIGNING_KEY: benchLogKey,
      DATA_KEY: benchDataKey,
      HOST: '127.0.0.1',
      PORT: String(port),
      BASE_URL: `http://127.0.0.1:${port}`,
      DATABASE_URL: databaseUrl ?? `sqlite:${join(dir, 'bench.db')}`,
      MIGRATE_ON_START: 'true',
      ROLES: 'web',
      LOG_LEVEL: 'warn',
      SIGN_QUEUE_MAX: '20000',
      ...env,
    },
    '/healthz',
    port,
  );
}

/** Peak resident memory of a process so far, from /proc (Linux), in MB. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in seconds, from /proc (Linux). */
export function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at the closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return ticks / 100;
  } catch {
    return undefined;
  }
}
