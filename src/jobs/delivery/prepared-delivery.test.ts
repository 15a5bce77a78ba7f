// Delivery as production runs it: messages composed when claimed and built and DKIM-signed ahead of their
// turn on a mail build thread, outcomes recorded with the next round's claim. Every message arrives once,
// signed, and recorded `sent`; a worker stopped with prepared messages still waiting sends none of them
// and gives them back, and the next worker sends each of them once.
import { dkimVerify } from 'mailauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialects } from '../../../test/db.js';
import { copyBoxes, createCampaign, dkimKey, dkimResolver, sign } from '../../../test/delivery-helpers.js';
import { buildCampaign } from '../../../test/factories.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { DeliveryDispatchStore } from '../../db/delivery-dispatch.store.js';
import { createSmtpTransport } from '../../mail/smtp.transport.js';
import type { MailTransport } from '../../mail/transport.js';
import { createDispatcher, type Dispatcher } from './dispatcher.js';

describe.each(testDialects)('delivery prepared on mail build threads on %s', (dialect) => {
  let t: TestApp;
  let sink: SmtpSink;
  const opened: { dispatcher: Dispatcher; transport: MailTransport }[] = [];

  beforeEach(async () => {
    t = await createTestApp(dialect, {}, { seed: false });
  });
  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.dispatcher.stop();
      await o.transport.close();
    }
    await sink.close();
    await t.close();
  });

  function worker(): Dispatcher {
    const transport = createSmtpTransport(sink.url, {
      maxConnections: 4,
      buildThreads: 1,
      dkim: {
        domainName: dkimKey.domainName,
        keySelector: dkimKey.keySelector,
        privateKey: dkimKey.privateKey,
      },
    });
    const dispatcher = createDispatcher({
      store: new DeliveryDispatchStore(t.db),
      transport,
      campaigns: t.services.campaigns,
      clock: t.services.clock,
      site: { name: t.config.SITE_NAME, mailFrom: t.config.MAIL_FROM, secret: t.config.APP_SECRET },
      connections: 4,
      pollMs: 20,
    });
    opened.push({ dispatcher, transport });
    return dispatcher;
  }

  /** Four uncapped addresses on two domains, `n` signatures: 4 × n messages. */
  async function queue(n: number): Promise<void> {
    await sign(t, await createCampaign(t, buildCampaign({ targets: copyBoxes(4, 2) })), n);
  }

  async function rows() {
    return t.db.kysely.selectFrom('messages').select(['status', 'message_id_header']).execute();
  }

  it('sends every message once, DKIM-signed, and records each as sent', async () => {
    sink = await startSmtpSink();
    await queue(20);
    const dispatcher = worker();
    while ((await rows()).some((r) => r.status !== 'sent')) await dispatcher.runOnce();

    const got = await sink.waitFor(80);
    expect(got).toHaveLength(80);
    const arrived = new Set(got.map((m) => m.parsed.messageId));
    expect(arrived.size).toBe(80);
    expect(new Set((await rows()).map((r) => r.message_id_header))).toEqual(arrived);
    for (const m of got.slice(0, 5)) {
      const result = await dkimVerify(m.raw, { resolver: dkimResolver });
      expect(result.results[0]?.status.result).toBe('pass');
    }
  });

  it('gives back the prepared messages of a stopped worker unsent, and the next worker sends each once', async () => {
    // Slow answers, so the stop comes while prepared messages are still waiting for a connection.
    sink = await startSmtpSink({ script: { delayData: () => 30 } });
    await queue(25);
    const first = worker();
    first.start();
    await sink.waitFor(4);
    await first.stop();

    const afterStop = await rows();
    const sent = afterStop.filter((r) => r.status === 'sent');
    expect(afterStop.filter((r) => r.status === 'sending')).toHaveLength(0);
    expect(afterStop.filter((r) => r.status === 'queued').length).toBeGreaterThan(0);
    expect(sink.messages).toHaveLength(sent.length);

    const second = worker();
    while ((await rows()).some((r) => r.status !== 'sent')) await second.runOnce();
    const received = new Map<string, number>();
    for (const m of sink.messages) {
      const id = m.parsed.messageId ?? '';
      received.set(id, (received.get(id) ?? 0) + 1);
    }
    expect(sink.messages).toHaveLength(100);
    expect([...received.values()].every((n) => n === 1)).toBe(true);
  });
});
