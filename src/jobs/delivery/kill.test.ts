// Exactly once under `kill -9`: a worker process delivering 2,000 messages is killed again and again at
// random moments and restarted; afterwards the SMTP server's log and the messages table must agree. Every
// `sent` row arrived exactly once, an `unknown` row (a send cut off mid-flight) at most once, and no
// message arrived twice.
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { copyBoxes, createCampaign, sign } from '../../../test/delivery-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import {
  killAtRandomThenFinish,
  receivedById,
  slowSmtpSink,
  spawnFixture,
} from '../../../test/kill-helpers.js';
import type { SmtpSink } from '../../../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { projectRoot } from '../../config/paths.js';

const fixture = join(projectRoot, 'test/fixtures/delivery-worker.ts');

describe.each(testDialects)('delivery under kill -9 on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    t = await createTestApp(dialect, {}, { seed: false });
    sink = await slowSmtpSink();
  });
  afterEach(async () => {
    child?.kill('SIGKILL');
    await sink.close();
    await t.close();
  });

  async function startWorker(): Promise<ChildProcess> {
    const proc = spawnFixture(fixture, t.db, sink);
    child = proc;
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

  it('never delivers a message twice, and the table says what arrived', { timeout: 120_000 }, async () => {
    // 20 uncapped addresses on 10 domains × 100 signatures = 2,000 messages.
    const id = await createCampaign(t, buildCampaign({ targets: copyBoxes(20, 10) }));
    await sign(t, id, 100);
    expect(await remaining()).toBe(2_000);

    const { kills, killedMidRun } = await killAtRandomThenFinish(startWorker, remaining, 90_000);

    const rows = await t.db.kysely.selectFrom('messages').select(['status', 'message_id_header']).execute();
    const received = receivedById(sink);
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
