// How our SMTP client presents itself, against a real smtp-server on loopback that records each session:
// it greets with the configured name (never nodemailer's `[127.0.0.1]`), that name defaults to the host
// of BASE_URL, and an address refused at RCPT is logged at info level by its domain, never in full.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { heloNameOf, loadConfig } from '../config/config.js';
import { createMailTransport } from '../main.js';
import { createSmtpTransport, SmtpSendError } from './smtp.transport.js';
import type { MailTransport, OutgoingMail } from './transport.js';

interface Recorder {
  port: number;
  greetings: string[];
  close(): Promise<void>;
}

/** An SMTP server that notes the name each client greets with, and refuses `nobody@…` at RCPT. */
async function recorder(): Promise<Recorder> {
  const greetings: string[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    closeTimeout: 100,
    onMailFrom(_address, session, callback) {
      greetings.push(session.hostNameAppearsAs);
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('nobody@')) {
        callback(
          Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected`), {
            responseCode: 550,
          }),
        );
      } else callback();
    },
    onData(stream, _session, callback) {
      stream.resume();
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    greetings,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const letter = (to: string[]): OutgoingMail => ({
  from: { name: 'Outcry', address: 'campaigns@outcry.example.org' },
  to: to.map((address) => ({ name: '', address })),
  subject: 'Solidarity',
  text: 'Hello',
});

let server: Recorder | undefined;
let transport: MailTransport | undefined;
afterEach(async () => {
  await transport?.close();
  await server?.close();
  transport = undefined;
  server = undefined;
});

describe('the EHLO name', () => {
  it('is the configured name on every connection', async () => {
    server = await recorder();
    transport = createSmtpTransport(`smtp://127.0.0.1:${server.port}`, {
      pool: false,
      heloName: 'mail.outcry.example.org',
    });
    await transport.send(letter(['ana@example.net']));
    await transport.send(letter(['ben@example.net']));
    expect(server.greetings).toEqual(['mail.outcry.example.org', 'mail.outcry.example.org']);
  });

  it('defaults to the host of BASE_URL, through the transport the server builds from config', async () => {
    server = await recorder();
    const config = loadConfig({
      BASE_URL: 'https://campaigns.example.org/',
      SMTP_URL: `smtp://127.0.0.1:${server.port}`,
    });
    expect(config.SMTP_HELO_NAME).toBe('campaigns.example.org');
    transport = createMailTransport(config);
    await transport.send(letter(['ana@example.net']));
    expect(server.greetings).toEqual(['campaigns.example.org']);
    expect(server.greetings).not.toContain('[127.0.0.1]');
  });

  it('takes SMTP_HELO_NAME over BASE_URL, refuses what is not a host name, and brackets addresses', () => {
    expect(
      loadConfig({ BASE_URL: 'https://campaigns.example.org', SMTP_HELO_NAME: 'mx1.example.org' })
        .SMTP_HELO_NAME,
    ).toBe('mx1.example.org');
    for (const bad of ['mail example.org', 'mail.example.org\r\nRCPT TO:<x@y>', '-mail.example.org', 'a..b'])
      expect(() => loadConfig({ SMTP_HELO_NAME: bad }), bad).toThrow(/SMTP_HELO_NAME/);
    expect(heloNameOf('http://127.0.0.1:3000')).toBe('[127.0.0.1]');
    expect(heloNameOf('http://[2001:db8::1]:3000')).toBe('[IPv6:2001:db8::1]');
    expect(loadConfig({}).SMTP_HELO_NAME).toBe('[127.0.0.1]');
  });
});

describe('an address refused at RCPT', () => {
  function collector() {
    const lines: { obj: Record<string, unknown>; msg: string | undefined }[] = [];
    return {
      lines,
      info: (obj: object, msg?: string) => lines.push({ obj: obj as Record<string, unknown>, msg }),
    };
  }

  it('is logged at info level with its domain and the reply, the address redacted', async () => {
    server = await recorder();
    const log = collector();
    transport = createSmtpTransport(`smtp://127.0.0.1:${server.port}`, { pool: false, logger: log });
    const failure = await transport.send(letter(['nobody@hospital.example.org'])).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SmtpSendError);
    expect((failure as SmtpSendError).responseCode).toBe(550);
    expect(log.lines).toEqual([
      {
        msg: 'recipient refused at RCPT',
        obj: {
          domain: 'hospital.example.org',
          code: 550,
          response: expect.stringContaining('550 5.1.1 <[address]>: Recipient address rejected'),
        },
      },
    ]);
    expect(JSON.stringify(log.lines)).not.toContain('nobody');
  });

  it('is logged when a message goes to its other recipients, and nothing is logged for accepted mail', async () => {
    server = await recorder();
    const log = collector();
    transport = createSmtpTransport(`smtp://127.0.0.1:${server.port}`, { pool: false, logger: log });
    await transport.send(letter(['ana@example.net']));
    expect(log.lines).toEqual([]);
    const result = await transport.send(letter(['ben@example.net', 'nobody@labour.example.org']));
    expect(result.accepted).toEqual(['ben@example.net']);
    expect(log.lines.map((l) => l.obj.domain)).toEqual(['labour.example.org']);
    expect(JSON.stringify(log.lines)).not.toContain('nobody');
  });
});
