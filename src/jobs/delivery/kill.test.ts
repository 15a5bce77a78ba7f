// Exactly once under `kill -9`: a worker process delivering 2,000 messages is killed again and again at
// random moments and restarted; afterwards the SMTP server's log and the messages table must agree. Every
// `sent` row arrived exactly once, an `unknown` row (a send cut off mid-flight) at most once, and no
// message arrived twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { createCampaign, sign } from '../../../test/delivery-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { projectRoot } from '../../config/paths.js';

const fixture = join(projectRoot, 'test/fixtures/delivery-worker.ts');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects)('delivery under kill -9 on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    t = await createTestApp(dialect, {}, { seed: false });
    // A little latency per message, so kills land in the middle of SMTP transactions.
    sink = await startSmtpSink({ script: { delayData: () => 2 } });
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await sink.close();
    await t.close();
  });

  async function startWorker(): Promise<ChildProcess> {
    const proc = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: projectRoot,
      env: {
        ...process.env,
        KILL_DB_URL: t.db.url,
        KILL_DB_SCHEMA: t.db.searchPath ?? '',
        KILL_SMTP_URL: sink.url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    proc.stderr?.resume();
    await once(proc.stdout!, 'data');
    return proc;
  }

  async function remaining(): Promise<number> {
    const row = await t.db.kysely
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'deferred', 'sending'])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async function kill(proc: ChildProcess): Promise<void> {
    const exited = once(proc, 'exit');
    proc.kill('SIGKILL');
    await exited;
  }

  it('never delivers a message twice, and the table says what arrived', { timeout: 120_000 }, async () => {
    // 20 uncapped addresses on 10 domains × 100 signatures = 2,000 messages.
    const targets = Array.from({ length: 20 }, (_, i) => ({
      kind: 'copy' as const,
      name: `Box ${i}`,
      organisation: null,
      email: `box${i}@d${i % 10}.example.org`,
      locale: 'en',
    }));
    const id = await createCampaign(t, buildCampaign({ targets }));
    await sign(t, id, 100);
    expect(await remaining()).toBe(2_000);

    let kills = 0;
    let killedMidRun = 0;
    while (kills < 8 && (await remaining()) > 0) {
      child = await startWorker();
      await sleep(150 + Math.floor(Math.random() * 400));
      if ((await remaining()) > 0) killedMidRun++;
      await kill(child);
      kills++;
    }
    child = await startWorker();
    const deadline = Date.now() + 90_000;
    while ((await remaining()) > 0 && Date.now() < deadline) await sleep(100);
    await kill(child);
    child = undefined;

    const rows = await t.db.kysely.selectFrom('messages').select(['status', 'message_id_header']).execute();
    const received = new Map<string, number>();
    for (const m of sink.messages) {
      const mid = m.parsed.messageId ?? '';
      received.set(mid, (received.get(mid) ?? 0) + 1);
    }
    const byStatus: Record<string, number> = {};
    for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const unknownReceived = rows.filter(
      (r) => r.status === 'unknown' && received.has(r.message_id_header!),
    ).length;
    console.log(
      `${dialect}: ${kills} kills (${killedMidRun} mid-run), ${sink.messages.length} received, rows ${JSON.stringify(byStatus)}, ` +
        `${unknownReceived} of the unknown had arrived`,
    );

    expect(killedMidRun).toBeGreaterThanOrEqual(2);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
    expect(Object.keys(byStatus).sort()).toEqual(
      Object.keys(byStatus)
        .filter((s) => s === 'sent' || s === 'unknown')
        .sort(),
    );
    for (const r of rows) {
      const n = received.get(r.message_id_header!) ?? 0;
      if (r.status === 'sent') expect(n).toBe(1);
      else expect(n).toBeLessThanOrEqual(1);
    }
    expect(sink.messages.length).toBe(byStatus.sent! + unknownReceived);
  });
});
