// A real SMTP server on loopback for tests: it records what arrived (envelope, raw, parsed) and can be
// scripted to refuse a connection, a sender, a recipient or a message, or to hang up after DATA, so
// delivery code is tested against real SMTP replies instead of mocks.
import type { AddressInfo } from 'node:net';
import type { ParsedMail } from 'mailparser';
import { simpleParser } from 'mailparser';
import type { SMTPServerSession } from 'smtp-server';
import { SMTPServer } from 'smtp-server';

/** An SMTP error reply, e.g. `{ code: 550, message: '5.1.1 No such user' }`. */
export interface SinkReply {
  code: number;
  message: string;
}

/** Hooks return undefined to accept. `n` counts messages whose DATA arrived, from 1. */
export interface SinkScript {
  onConnect?: () => SinkReply | undefined;
  onMailFrom?: (address: string) => SinkReply | undefined;
  onRcptTo?: (address: string) => SinkReply | undefined;
  /** 'drop' hangs up after DATA without answering: the client cannot know whether it was delivered. */
  onData?: (raw: string, n: number) => SinkReply | 'drop' | undefined;
  /** Milliseconds to wait before answering DATA, by recipient (a slow destination server). */
  delayData?: (to: string[]) => number;
}

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: string;
  parsed: ParsedMail;
}

export interface SmtpSink {
  port: number;
  /** smtp://127.0.0.1:PORT */
  url: string;
  /** Accepted messages, in order of arrival. */
  messages: ReceivedMail[];
  /** Messages whose DATA arrived, accepted, refused or dropped alike. */
  readonly attempts: number;
  /** Resolves once at least `count` messages were accepted (all of them); rejects after the timeout. */
  waitFor(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

function smtpError(reply: SinkReply): Error & { responseCode: number } {
  return Object.assign(new Error(reply.message), { responseCode: reply.code });
}

export async function startSmtpSink(opts: { script?: SinkScript } = {}): Promise<SmtpSink> {
  const script = opts.script ?? {};
  const messages: ReceivedMail[] = [];
  const waiters = new Set<() => void>();
  let attempts = 0;

  const server: SMTPServer = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    // Client connections left open by a pool must not hold close() for the default 30 s.
    closeTimeout: 100,
    onConnect(_session, callback) {
      const reply = script.onConnect?.();
      callback(reply ? smtpError(reply) : null);
    },
    onMailFrom(address, _session, callback) {
      const reply = script.onMailFrom?.(address.address);
      callback(reply ? smtpError(reply) : null);
    },
    onRcptTo(address, _session, callback) {
      const reply = script.onRcptTo?.(address.address);
      callback(reply ? smtpError(reply) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error) => callback(error));
      stream.on('end', () => {
        const buffer = Buffer.concat(chunks);
        const raw = buffer.toString('utf8');
        const delay = script.delayData?.(session.envelope.rcptTo.map((r) => r.address)) ?? 0;
        if (delay > 0) {
          setTimeout(() => answer(buffer, raw), delay);
          return;
        }
        answer(buffer, raw);
      });
      const answer = (buffer: Buffer, raw: string) => {
        attempts += 1;
        const outcome = script.onData?.(raw, attempts);
        if (outcome === 'drop') return dropConnection(session);
        if (outcome) return callback(smtpError(outcome));
        // Parse before answering so a waiter never sees a half-recorded message.
        simpleParser(buffer).then(
          (parsed) => {
            const { mailFrom, rcptTo } = session.envelope;
            messages.push({
              envelope: { from: mailFrom ? mailFrom.address : '', to: rcptTo.map((r) => r.address) },
              raw,
              parsed,
            });
            for (const wake of waiters) wake();
            callback(null);
          },
          (error: Error) => callback(error),
        );
      };
    },
  });

  function dropConnection(session: SMTPServerSession): void {
    for (const connection of server.connections) {
      if (connection.id === session.id) connection._socket.destroy();
    }
  }

  // A client that dies mid-transaction (the kill test) resets its socket: that is the client's story, not
  // an error of the server under test.
  server.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    messages,
    get attempts() {
      return attempts;
    },
    waitFor(count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (messages.length < count) return;
          cleanup();
          resolve(messages.slice());
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`SMTP sink: expected ${count} message(s), got ${messages.length}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    clear() {
      messages.length = 0;
      attempts = 0;
    },
    close() {
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
