// The mailing sender end to end on SQLite and PostgreSQL: the real store, the real SMTP transport (pooled,
// DKIM-signing) and a real SMTP sink on loopback. Each subscriber gets exactly one mail, in their language,
// with one-click unsubscribe headers inside a DKIM signature an independent verifier accepts; suppressed
// and departed people get nothing; SMTP refusals end where decision 0020 says; a paused mailing stops;
// the pace holds.
import { dkimVerify } from 'mailauth';
import { afterEach, describe, expect, it } from 'vitest';
import { blindIndex } from '../../../test/blind-index.js';
import { type TestDb, testDialects } from '../../../test/db.js';
import { dbPerTest } from '../../../test/db-per-test.js';
import { dkimKey, dkimResolver } from '../../../test/delivery-helpers.js';
import { FakeClock } from '../../../test/fake-clock.js';
import { queueMailing, recipientStatuses, type Subscriber } from '../../../test/mailing-queue-helpers.js';
import { type SinkScript, type SmtpSink, startSmtpSink } from '../../../test/smtp-sink.js';
import { MailingQueueStore } from '../../db/mailing-queue.store.js';
import { createSmtpTransport } from '../../mail/smtp.transport.js';
import { mjmlThreadRunning } from '../../mail/templates/mjml-thread.js';
import type { MailTransport } from '../../mail/transport.js';
import { parseRecipientBounceAddress } from '../../security/bounce-address.js';
import { listToken, parseListToken } from '../../security/list-token.js';
import { createMailingSender, type MailingSender } from './sender.js';

const secret = 'mailing-test-secret-mailing-test-secret';
const site = {
  name: 'Outcry',
  baseUrl: 'https://outcry.example.org',
  mailFrom: 'campaigns@outcry.example.org',
  secret,
};
/** A header as sent (unfolded), not as mailparser interprets it. */
function rawHeader(raw: string, name: string): string | undefined {
  const head = raw.slice(0, raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');
  const line = head.split('\r\n').find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

const arabic = { subject: 'إرلان حر', preheader: 'شكرًا لكم', bodyMd: 'خرج إرلان من السجن **اليوم**.' };

describe.each(testDialects)('mailing sender on %s', (dialect) => {
  let db: TestDb;
  let sink: SmtpSink;
  let transport: MailTransport;
  let clock: FakeClock;

  dbPerTest(dialect, (fresh) => {
    db = fresh;
    clock = new FakeClock();
  });
  afterEach(async () => {
    await transport?.close();
    await sink?.close();
  });

  async function rig(opts: { script?: SinkScript; rate?: number } = {}): Promise<MailingSender> {
    sink = await startSmtpSink(opts.script ? { script: opts.script } : {});
    transport = createSmtpTransport(sink.url, { pool: true, maxConnections: 4, dkim: dkimKey });
    return createMailingSender({
      store: new MailingQueueStore(db),
      transport,
      clock,
      site,
      defaultRate: opts.rate ?? 10_000,
      connections: 4,
    });
  }

  it('mails each subscriber once, in their language, with signed one-click unsubscribe headers', async () => {
    const sender = await rig();
    const subscribers: Subscriber[] = [
      ...Array.from({ length: 12 }, (_, i) => ({
        email: `en${i}@d${i % 3}.example.org`,
        name: `En ${i}`,
        locale: 'en',
      })),
      ...Array.from({ length: 8 }, (_, i) => ({
        email: `ar${i}@d${i % 2}.example.net`,
        name: `Ar ${i}`,
        locale: 'ar',
      })),
      { email: 'tl0@example.com', name: 'Tl', locale: 'tl' },
      { email: 'gone@example.com', locale: 'en', subscribed: false },
      { email: 'bounced@example.com', locale: 'en', suppressed: true },
    ];
    const q = await queueMailing(db.kysely, { subscribers, now: clock.now(), translations: { ar: arabic } });
    await sender.drain();

    expect(sink.messages).toHaveLength(21);
    const byTo = new Map<string, (typeof sink.messages)[number]>();
    for (const m of sink.messages) {
      expect(m.envelope.to).toHaveLength(1);
      expect(byTo.has(m.envelope.to[0]!)).toBe(false);
      byTo.set(m.envelope.to[0]!, m);
    }
    expect(byTo.has('gone@example.com')).toBe(false);
    expect(byTo.has('bounced@example.com')).toBe(false);

    const rows = await db.kysely
      .selectFrom('mailing_recipients as r')
      .innerJoin('supporters as s', 's.id', 'r.supporter_id')
      .select(['r.id', 'r.status', 'r.last_error', 's.email', 's.id as supporterId'])
      .where('r.mailing_id', '=', q.mailingId)
      .execute();
    for (const row of rows) {
      const m = byTo.get(row.email);
      if (row.email === 'gone@example.com')
        expect([row.status, row.last_error]).toEqual(['failed', 'unsubscribed']);
      else if (row.email === 'bounced@example.com')
        expect([row.status, row.last_error]).toEqual(['failed', 'suppressed']);
      else {
        expect(row.status).toBe('sent');
        expect(m).toBeDefined();
        // The envelope sender names this queue row; the Message-ID is the row's own, the same on any retry.
        expect(parseRecipientBounceAddress(m!.envelope.from, secret)).toBe(row.id);
        expect(m!.parsed.messageId).toBe(`<mailing.${q.mailingId}.${row.id}@outcry.example.org>`);
        const token = listToken(row.supporterId, secret);
        expect(rawHeader(m!.raw, 'List-Unsubscribe')).toBe(
          `<https://outcry.example.org/unsubscribe/${token}>, <mailto:unsubscribe+${token}@outcry.example.org>`,
        );
        expect(rawHeader(m!.raw, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
        expect(rawHeader(m!.raw, 'Precedence')).toBe('bulk');
        expect(parseListToken(token, secret)).toBe(row.supporterId);
      }
    }

    const en = byTo.get('en0@d0.example.org')!;
    expect(en.parsed.subject).toBe('Erlan is free');
    expect(en.parsed.text).toContain('Hello \u2068En 0\u2069,');
    expect(en.parsed.html).toContain('<html lang="en" dir="ltr"');
    const ar = byTo.get('ar0@d0.example.net')!;
    expect(ar.parsed.subject).toBe('إرلان حر');
    expect(ar.parsed.html).toContain('<html lang="ar" dir="rtl"');
    expect(rawHeader(ar.raw, 'Content-Language')).toBe('ar');
    // Tagalog has no version: the English text, with a note in Tagalog.
    const tl = byTo.get('tl0@example.com')!;
    expect(tl.parsed.subject).toBe('Erlan is free');
    expect(tl.parsed.text).toContain('Hindi pa naisasalin sa');

    for (const m of sink.messages) {
      const result = await dkimVerify(Buffer.from(m.raw), { resolver: dkimResolver });
      const signature = result.results[0]!;
      expect(signature.status.result).toBe('pass');
      const signed = /\bh=([^;]+)/
        .exec(m.raw.replace(/\r\n[ \t]+/g, ' '))![1]!
        .toLowerCase()
        .replace(/\s+/g, '');
      expect(signed.split(':')).toEqual(
        expect.arrayContaining(['list-unsubscribe', 'list-unsubscribe-post', 'from', 'subject']),
      );
    }

    const mailing = await db.kysely
      .selectFrom('mailings')
      .select(['status', 'finished_at'])
      .where('id', '=', q.mailingId)
      .executeTakeFirstOrThrow();
    expect(mailing).toEqual({ status: 'sent', finished_at: clock.now() });
  });

  it('compiles every language first and ends the MJML thread before the first send', async () => {
    // Sampled as each message arrives: MJML's thread must be gone by then (its memory and the sender's
    // never add up), Tagalog included although it has no translation (it gets the source with a note).
    const running: boolean[] = [];
    const sender = await rig({
      script: {
        onMailFrom: () => {
          running.push(mjmlThreadRunning());
          return undefined;
        },
      },
    });
    const subscribers: Subscriber[] = ['en', 'ar', 'tl', 'en', 'ar'].map((locale, i) => ({
      email: `p${i}@d${i}.example.org`,
      locale,
    }));
    await queueMailing(db.kysely, { subscribers, now: clock.now(), translations: { ar: arabic } });
    await sender.drain();
    expect(sink.messages).toHaveLength(5);
    expect(running).toEqual([false, false, false, false, false]);
  });

  it('ends refusals as decision 0020 says: bounce suppresses, 4xx waits, a drop after DATA is not resent', async () => {
    const sender = await rig({
      script: {
        onRcptTo: (to) =>
          to === 'nobody@x.example.org'
            ? { code: 550, message: '5.1.1 No such user' }
            : to.endsWith('@slow.example.org')
              ? { code: 451, message: '4.7.500 Slow down' }
              : undefined,
        onData: (raw) => (raw.includes('To: Dropped <dropped@x.example.org>') ? 'drop' : undefined),
      },
    });
    const q = await queueMailing(db.kysely, {
      subscribers: [
        { email: 'ok@x.example.org', name: 'Ok', locale: 'en' },
        { email: 'nobody@x.example.org', name: 'Nobody', locale: 'en' },
        { email: 'a@slow.example.org', name: 'Slow', locale: 'en' },
        { email: 'dropped@x.example.org', name: 'Dropped', locale: 'en' },
      ],
      now: clock.now(),
    });
    await sender.drain();
    const rows = await db.kysely
      .selectFrom('mailing_recipients')
      .select(['status', 'last_error', 'next_attempt_at', 'attempts'])
      .where('mailing_id', '=', q.mailingId)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.status)).toEqual(['sent', 'bounced', 'queued', 'failed']);
    expect(rows[1]!.last_error).toContain('5.1.1');
    expect(rows[2]).toMatchObject({ attempts: 1, next_attempt_at: clock.now() + 60_000 });
    expect(rows[3]!.last_error).toMatch(/^unknown: /);
    const suppressed = await db.kysely
      .selectFrom('supporters')
      .select('mail_suppressed_reason')
      .where('email_index', '=', blindIndex('nobody@x.example.org'))
      .executeTakeFirstOrThrow();
    expect(suppressed.mail_suppressed_reason).toBe('hard_bounce');
    const domain = await db.kysely
      .selectFrom('mail_domains')
      .select(['concurrency', 'throttled_until'])
      .where('domain', '=', 'slow.example.org')
      .executeTakeFirstOrThrow();
    expect(domain.concurrency).toBe(1);
    expect(domain.throttled_until).toBeGreaterThan(clock.now());
    // Still waiting for the retry: the mailing is not finished, and the dropped one never went again.
    const mailing = await db.kysely.selectFrom('mailings').select('status').executeTakeFirstOrThrow();
    expect(mailing.status).toBe('sending');
    expect(sink.messages.map((m) => m.envelope.to[0])).toEqual(['ok@x.example.org']);
  });

  it('keeps to the rate, and a paused mailing sends nothing more', async () => {
    const sender = await rig({ rate: 10 });
    const q = await queueMailing(db.kysely, {
      subscribers: Array.from({ length: 6 }, (_, i) => ({ email: `p${i}@d${i}.example.org`, locale: 'en' })),
      now: clock.now(),
    });
    // 10 a second: one send now, then one for each tenth of a second the clock moves.
    await sender.drain();
    expect(sink.messages).toHaveLength(1);
    clock.advance(100);
    await sender.drain();
    expect(sink.messages).toHaveLength(2);

    await db.kysely.updateTable('mailings').set({ status: 'paused' }).where('id', '=', q.mailingId).execute();
    clock.advance(1_000);
    await sender.drain();
    expect(sink.messages).toHaveLength(2);
    // What the sender had reserved went back: another worker could take it at once.
    const held = await db.kysely
      .selectFrom('mailing_recipients')
      .select('id')
      .where('mailing_id', '=', q.mailingId)
      .where('locked_by', 'is not', null)
      .execute();
    expect(held).toEqual([]);

    await db.kysely
      .updateTable('mailings')
      .set({ status: 'sending' })
      .where('id', '=', q.mailingId)
      .execute();
    for (let i = 0; i < 10 && sink.messages.length < 6; i++) {
      clock.advance(1_000);
      sender.wake();
      await sender.drain();
    }
    expect(sink.messages).toHaveLength(6);
    expect(await recipientStatuses(db.kysely, q.mailingId)).toEqual({ sent: 6 });
  });
});
