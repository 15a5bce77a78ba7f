// The SMTP door for bounces, end to end on loopback against SQLite and PostgreSQL: a real sent message, a
// DSN about it delivered by nodemailer's SMTPConnection, and then the target bounced and the editors' alert
// job queued. It takes no other recipient (never a relay), refuses oversized mail, answers 451 when the
// database fails, and starts and stops with the worker role when BOUNCE_SMTP_PORT is set.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import { afterEach, describe, expect, it } from 'vitest';
import { appPerTest } from '../../test/app-per-test.js';
import { bounceFixture, forgedMac, type SentMessage, sentMessage } from '../../test/bounce-helpers.js';
import { testDialects } from '../../test/db.js';
import type { DeliveryRig } from '../../test/delivery-helpers.js';
import type { FakeClock } from '../../test/fake-clock.js';
import { mailedSupporter, supporterMailFixture } from '../../test/supporter-mail-helpers.js';
import type { TestApp } from '../../test/test-app.js';
import { loadConfig } from '../config/config.js';
import { BounceRepository } from '../db/bounce.repository.js';
import { openDb } from '../db/database.js';
import { SupporterMailOutcomeWriter } from '../db/supporter-mail-outcome.writer.js';
import { startOutcry } from '../main.js';
import { type BounceListener, startBounceListener } from './bounce-smtp.js';

/** One SMTP transaction; resolves with the server's answer: `250 …` or the refusal's code and text. */
async function smtpSend(port: number, to: string[], raw: Buffer | string): Promise<string> {
  const connection = new SMTPConnection({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    connectionTimeout: 5_000,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      connection.once('error', reject);
      connection.connect((err) => (err ? reject(err) : resolve()));
    });
    return await new Promise<string>((resolve) => {
      connection.send({ from: '', to }, raw, (err, info) => {
        if (err) resolve(`${(err as { responseCode?: number }).responseCode ?? 'ERR'} ${err.message}`);
        else resolve(info.response);
      });
    });
  } finally {
    connection.quit();
  }
}

describe.each(testDialects)('bounce listener on %s', (dialect) => {
  let t: TestApp;
  let clock: FakeClock;
  let rig: DeliveryRig | undefined;
  let listener: BounceListener | undefined;
  let m: SentMessage;

  appPerTest(dialect, async (app) => {
    ({ t, clock } = app);
    const sent = await sentMessage(t, { signatures: 2 });
    rig = sent.rig;
    m = sent.message;
    listener = await startBounceListener(
      {
        bounces: new BounceRepository(t.db),
        supporterMail: new SupporterMailOutcomeWriter(t.db),
        clock,
        secret: t.config.APP_SECRET,
      },
      { port: 0, host: '127.0.0.1', maxBytes: 200_000 },
    );
  });
  const messageStatus = async () =>
    (
      await t.db.kysely
        .selectFrom('messages')
        .select('status')
        .where('id', '=', m.id)
        .executeTakeFirstOrThrow()
    ).status;

  afterEach(async () => {
    await listener?.close();
    await rig?.close();
  });

  it('a DSN sent by SMTP bounces the target, holds its messages and queues the alert job', async () => {
    const answer = await smtpSend(listener!.port, [m.verp], bounceFixture('postfix-user-unknown', m));
    expect(answer).toMatch(/^250 /);
    const target = await t.db.kysely
      .selectFrom('targets')
      .selectAll()
      .where('id', '=', m.targetId)
      .executeTakeFirstOrThrow();
    expect(target).toMatchObject({ status: 'bounced', last_error: expect.stringContaining('5.1.1') });
    expect(await messageStatus()).toBe('bounced');
    const [alert] = await t.db.kysely.selectFrom('alerts').selectAll().execute();
    expect(alert).toMatchObject({ kind: 'target_bounced', target_id: m.targetId });
    const jobs = await t.db.kysely
      .selectFrom('jobs')
      .select(['payload', 'status'])
      .where('kind', '=', 'send-delivery-alert')
      .execute();
    expect(jobs.map((j) => [JSON.parse(j.payload), j.status])).toEqual([[{ alertId: alert!.id }, 'queued']]);

    // The same bounce again is accepted (the sender must not retry it) and changes nothing.
    expect(await smtpSend(listener!.port, [m.verp], bounceFixture('postfix-user-unknown', m))).toMatch(
      /^250 /,
    );
    expect(await t.db.kysely.selectFrom('alerts').selectAll().execute()).toHaveLength(1);
  });

  it('refuses every recipient that is not one of our addresses, forged MACs included: never a relay', async () => {
    const forged = forgedMac(m.verp);
    const others = [
      'postmaster@outcry.example.org',
      'victim@elsewhere.example.net',
      forged,
      forged.replace('bounces+', 'bounces+r'),
      'unsubscribe+1.aaaaaaaaaaaaaaaaaaaaaa@outcry.example.org',
      'bounces-x@outcry.example.org',
      'xbounces@outcry.example.org',
    ];
    for (const to of others) {
      expect(await smtpSend(listener!.port, [to], 'Subject: x\r\n\r\nx\r\n')).toMatch(/^550 .*5\.1\.1/);
    }
    expect(await messageStatus()).toBe('sent');
  });

  it('takes a complaint at the feedback address and a mailto unsubscribe, and logs neither address nor token', async () => {
    const lines: string[] = [];
    const record = (obj: object, msg?: string) => lines.push(`${msg} ${JSON.stringify(obj)}`);
    const logged = await startBounceListener(
      {
        bounces: new BounceRepository(t.db),
        supporterMail: new SupporterMailOutcomeWriter(t.db),
        clock,
        secret: t.config.APP_SECRET,
        logger: { info: record, error: record },
      },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const ana = await mailedSupporter(t, { email: 'ana@mail.example.net' });
      const ben = await mailedSupporter(t, { email: 'ben@mail.example.net' });
      const feedback = 'bounces@outcry.example.org';
      const complaint = supporterMailFixture('arf-abuse', ana, feedback);
      expect(await smtpSend(logged.port, [feedback], complaint)).toMatch(/^250 /);
      const mailto = supporterMailFixture('mailto-unsubscribe', ben, ben.unsubscribe);
      expect(await smtpSend(logged.port, [ben.unsubscribe], mailto)).toMatch(/^250 /);

      const members = await t.db.kysely
        .selectFrom('list_members')
        .select(['supporter_id', 'status'])
        .where('supporter_id', 'in', [ana.supporterId, ben.supporterId])
        .execute();
      expect(members.every((r) => r.status === 'unsubscribed')).toBe(true);
      expect(members).toHaveLength(4);
      expect(lines).toEqual([
        expect.stringContaining(`recipient ${ana.recipientId}: complaint, left 2 list(s)`),
        expect.stringContaining(`supporter ${ben.supporterId}: unsubscribed by mail, left 2 list(s)`),
      ]);
      for (const secretOrPersonal of [ben.token, ana.email, ben.email, ana.verp]) {
        expect(lines.join('\n')).not.toContain(secretOrPersonal);
      }
    } finally {
      await logged.close();
    }
  });

  it('refuses an oversized message with 552 and takes malformed ones without a state change', async () => {
    const big = Buffer.concat([Buffer.from('Subject: big\r\n\r\n'), Buffer.alloc(300_000, 'a')]);
    expect(await smtpSend(listener!.port, [m.verp], big)).toMatch(/^552 /);
    expect(
      await smtpSend(listener!.port, [m.verp], Buffer.from([0xff, 0x00, 0x0d, 0x0a, 0xc3, 0x28])),
    ).toMatch(/^250 /);
    expect(await messageStatus()).toBe('sent');
  });

  it('answers 451 (try again later) when the database fails, and the retry then works', async () => {
    // Nothing listens on port 1: every query fails as a database that is down does.
    const broken = openDb({ url: 'postgres://outcry:outcry@127.0.0.1:1/outcry' });
    const failing = await startBounceListener(
      {
        bounces: new BounceRepository(broken),
        supporterMail: new SupporterMailOutcomeWriter(broken),
        clock,
        secret: t.config.APP_SECRET,
      },
      { port: 0, host: '127.0.0.1' },
    );
    try {
      const raw = bounceFixture('postfix-user-unknown', m);
      expect(await smtpSend(failing.port, [m.verp], raw)).toMatch(/^451 .*4\.3\.0/);
      expect(await smtpSend(listener!.port, [m.verp], raw)).toMatch(/^250 /);
    } finally {
      await failing.close();
      await broken.close();
    }
  });
});

describe('the worker role', () => {
  const workerEnv = (extra: Record<string, string> = {}) => ({
    DATABASE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-bounce-')), 'x.db')}`,
    MIGRATE_ON_START: 'true',
    ROLES: 'worker',
    LOG_LEVEL: 'silent',
    MAIL_CAPTURE_DIR: mkdtempSync(join(tmpdir(), 'outcry-bounce-mail-')),
    ...extra,
  });

  it('starts the bounce listener when BOUNCE_SMTP_PORT is set, and stops it with the process', async () => {
    const running = await startOutcry(loadConfig(workerEnv({ BOUNCE_SMTP_PORT: '0' })), { quiet: true });
    const port = running.bounceListener!.port;
    expect(port).toBeGreaterThan(0);
    expect(await smtpSend(port, ['someone@else.example'], 'Subject: x\r\n\r\nx\r\n')).toMatch(/^550 /);
    await running.stop();
    await expect(smtpSend(port, ['someone@else.example'], 'x')).rejects.toThrow(/ECONNREFUSED|connect/i);
  });

  it('starts no listener by default', async () => {
    const running = await startOutcry(loadConfig(workerEnv()), { quiet: true });
    expect(running.bounceListener).toBeUndefined();
    await running.stop();
  });
});
