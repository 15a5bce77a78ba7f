// The rig of the two `kill -9` tests (the delivery worker, the mailing sender): a worker process started
// from a fixture on the test's database and SMTP sink, killed at random moments while work remains, and
// what the sink received counted by Message-ID, so each test only says what its table must agree with.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { projectRoot } from '../src/config/paths.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A sink with a little latency per message, so kills land in the middle of SMTP transactions. */
export function slowSmtpSink(): Promise<SmtpSink> {
  return startSmtpSink({ script: { delayData: () => 2 } });
}

/** A fixture process (`test/fixtures/*-worker.ts`) working on this database and sink; its output piped. */
export function spawnFixture(
  fixture: string,
  db: { url: string; searchPath: string | undefined },
  sink: SmtpSink,
): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixture], {
    cwd: projectRoot,
    env: {
      ...process.env,
      KILL_DB_URL: db.url,
      KILL_DB_SCHEMA: db.searchPath ?? '',
      KILL_SMTP_URL: sink.url,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/**
 * Kills the process without warning and waits until it is gone; one already gone (it crashed) is left, as
 * waiting for its exit would wait forever.
 */
export async function killNow(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = once(proc, 'exit');
  proc.kill('SIGKILL');
  await exited;
}

/**
 * Up to eight times while work remains: starts a worker, lets it run for 150 to 550 ms and kills it. How many
 * kills there were, and how many of them cut the work short.
 */
export async function killAtRandom(
  start: () => Promise<ChildProcess>,
  remaining: () => Promise<number>,
): Promise<{ kills: number; killedMidRun: number }> {
  let kills = 0;
  let killedMidRun = 0;
  while (kills < 8 && (await remaining()) > 0) {
    const child = await start();
    await sleep(150 + Math.floor(Math.random() * 400));
    if ((await remaining()) > 0) killedMidRun++;
    await killNow(child);
    kills++;
  }
  return { kills, killedMidRun };
}

/**
 * The run both tests make: workers killed at random while work remains (`killAtRandom`), then one more left
 * to work until `finished` holds (by default: nothing remains) or `forMs` have passed, and killed too.
 */
export async function killAtRandomThenFinish(
  start: () => Promise<ChildProcess>,
  remaining: () => Promise<number>,
  forMs: number,
  finished: () => Promise<boolean> = async () => (await remaining()) === 0,
): Promise<{ kills: number; killedMidRun: number }> {
  const killed = await killAtRandom(start, remaining);
  const last = await start();
  try {
    const deadline = Date.now() + forMs;
    while (!(await finished()) && Date.now() < deadline) await sleep(100);
  } finally {
    await killNow(last);
  }
  return killed;
}

/** How many times the sink received each Message-ID. */
export function receivedById(sink: SmtpSink): Map<string, number> {
  const received = new Map<string, number>();
  for (const m of sink.messages) {
    const mid = m.parsed.messageId ?? '';
    received.set(mid, (received.get(mid) ?? 0) + 1);
  }
  return received;
}
