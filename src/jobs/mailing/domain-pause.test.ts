// A receiving domain refuses a mailing by policy (554 5.7.1) while it goes out, on SQLite and PostgreSQL:
// the domain is paused and its recipients wait while the rest is sent; the editors get one alert mail (not
// one per refusal) that leads to the mailing's report; the report shows the pause with a resume button, and
// resuming lets the waiting recipients get their mail. Real sender, store, worker, app and SMTP sinks.
import { afterEach, describe, expect, it } from 'vitest';
import { appPerTest } from '../../../test/app-per-test.js';
import { jobPayloads, testDialects } from '../../../test/db.js';
import { type Browser, get, post, signedIn } from '../../../test/editor-helpers.js';
import type { FakeClock } from '../../../test/fake-clock.js';
import { queueMailing } from '../../../test/mailing-queue-helpers.js';
import { type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { startMailWorker, type TestApp } from '../../../test/test-app.js';
import { MailingQueueStore } from '../../db/mailing-queue.store.js';
import { createSmtpTransport } from '../../mail/smtp.transport.js';
import type { MailTransport } from '../../mail/transport.js';
import { createMailingSender } from './sender.js';

const blocked = 'blocked.example.org';

describe.each(testDialects)('a domain paused during a mailing on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let editor: Browser;
  let sink: SmtpSink;
  let transport: MailTransport;
  let refuse = true;

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    editor = await signedIn(t, 'editor', { email: 'amaka@example.org', name: 'Amaka' });
    refuse = true;
    sink = await startSmtpSink({
      script: {
        onRcptTo: (to) =>
          refuse && to.endsWith(`@${blocked}`)
            ? { code: 554, message: `5.7.1 <${to}>: rejected by policy` }
            : undefined,
      },
    });
    transport = createSmtpTransport(sink.url, { pool: true, maxConnections: 4 });
  });
  afterEach(async () => {
    await transport.close();
    await sink.close();
  });

  it('waits for the domain, alerts the editors once, and sends once an editor resumes it', async () => {
    const people = ['a', 'b', 'c'].map((n) => ({ email: `${n}@${blocked}`, name: n, locale: 'en' }));
    const { mailingId } = await queueMailing(t.db.kysely, {
      subscribers: [
        ...people,
        { email: 'ok1@fine.example.org', locale: 'en' },
        { email: 'ok2@fine.example.org', locale: 'en' },
      ],
      now: clock.now(),
    });
    const sender = createMailingSender({
      store: new MailingQueueStore(t.db),
      transport,
      clock,
      site: {
        name: t.config.SITE_NAME,
        baseUrl: t.config.BASE_URL,
        mailFrom: t.config.MAIL_FROM,
        secret: t.config.APP_SECRET,
      },
      defaultRate: 10_000,
      connections: 4,
      policy: { domainConcurrency: 3 },
    });
    await sender.drain();

    const rows = await t.db.kysely
      .selectFrom('mailing_recipients as r')
      .innerJoin('supporters as s', 's.id', 'r.supporter_id')
      .select(['s.email', 'r.status', 'r.attempts'])
      .where('r.mailing_id', '=', mailingId)
      .orderBy('r.id')
      .execute();
    expect(rows.map((r) => [r.email, r.status, r.attempts])).toEqual([
      ...people.map((p) => [p.email, 'queued', 0]),
      ['ok1@fine.example.org', 'sent', 1],
      ['ok2@fine.example.org', 'sent', 1],
    ]);

    // One alert and one alert job, however many of the domain's recipients were refused.
    const jobs = await jobPayloads<{ mailingId: number; domain: string; reason: string }>(
      t.db,
      'send-mailing-alert',
    );
    expect(jobs).toHaveLength(1);
    const payload = jobs[0]!;
    expect(payload).toMatchObject({ mailingId, domain: blocked });
    expect(payload.reason).toContain('5.7.1');
    // The refusal quoted a supporter's address: it is in neither the job nor the alert.
    expect(payload.reason).not.toContain('@');
    const alerts = await t.db.kysely.selectFrom('alerts').select(['kind', 'domain', 'detail']).execute();
    expect(alerts).toEqual([{ kind: 'domain_paused', domain: blocked, detail: payload.reason }]);

    const worker = await startMailWorker(t);
    try {
      await worker.drain();
      const [alert] = await worker.sink.waitFor(1);
      expect(alert!.envelope.to).toEqual(['amaka@example.org']);
      expect(alert!.parsed.subject).toBe(`Delivery paused: ${blocked} refuses our mail`);
      expect(alert!.parsed.text).toContain(`${t.config.BASE_URL}/editor/mailings/${mailingId}/report`);
    } finally {
      await worker.close();
    }

    const report = await get(t.app, `/editor/mailings/${mailingId}/report`, editor);
    expect(report.statusCode).toBe(200);
    for (const text of [
      'Paused destinations',
      `All mail to ${blocked} is paused: 554 5.7.1`,
      `3 recipients at ${blocked} wait until mail to that domain is resumed`,
      `action="/editor/mailings/${mailingId}/domains/${blocked}/resume"`,
      `Resume mail to ${blocked}`,
    ]) {
      expect(report.body).toContain(text);
    }

    // An unknown mailing or a malformed domain: 404, nothing changes.
    expect((await post(t.app, `/editor/mailings/999999/domains/${blocked}/resume`, editor)).statusCode).toBe(
      404,
    );
    expect((await post(t.app, `/editor/mailings/${mailingId}/domains/x%20y/resume`, editor)).statusCode).toBe(
      404,
    );

    refuse = false;
    const resumed = await post(t.app, `/editor/mailings/${mailingId}/domains/${blocked}/resume`, editor);
    expect(resumed.statusCode).toBe(303);
    expect(resumed.headers.location).toBe(`/editor/mailings/${mailingId}/report`);
    const domain = await t.db.kysely
      .selectFrom('mail_domains')
      .select('paused_at')
      .where('domain', '=', blocked)
      .executeTakeFirstOrThrow();
    expect(domain.paused_at).toBeNull();
    expect(await t.db.kysely.selectFrom('alerts').select('resolved_at').execute()).toEqual([
      { resolved_at: clock.now() },
    ]);
    const after = await get(t.app, `/editor/mailings/${mailingId}/report`, editor);
    expect(after.body).not.toContain('Paused destinations');

    sender.wake();
    await sender.drain();
    const statuses = await t.db.kysely
      .selectFrom('mailing_recipients')
      .select('status')
      .where('mailing_id', '=', mailingId)
      .execute();
    expect(statuses.map((s) => s.status)).toEqual(Array(5).fill('sent'));
    // Each person once: the refused ones only after the resume.
    expect(sink.messages.map((m) => m.envelope.to[0]).sort()).toEqual(
      [...people.map((p) => p.email), 'ok1@fine.example.org', 'ok2@fine.example.org'].sort(),
    );
  });
});
