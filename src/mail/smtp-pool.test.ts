// The pool against a real smtp-server on loopback: connections are bounded and reused, a refused message
// does not cost the connection, a connection the server dropped while idle is replaced without losing the
// message, and credentials in the URL are used.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { PooledSendFailure, poolOptionsFromUrl, SmtpPool } from './smtp-pool.js';

interface Server {
  url: string;
  /** Connections the server accepted so far. */
  connections: number;
  /** First recipient of each message received. */
  received: string[];
  logins: string[];
  /** Destroys every open client socket: what a server does to idle sessions after its timeout. */
  kill(): void;
  close(): Promise<void>;
}

async function server(opts: { auth?: boolean; refuse?: string } = {}): Promise<Server> {
  const smtp: SMTPServer = new SMTPServer({
    logger: false,
    disabledCommands: opts.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.auth,
    allowInsecureAuth: true,
    closeTimeout: 100,
    onConnect(_session, cb) {
      s.connections++;
      cb();
    },
    onAuth(auth, _session, cb) {
      s.logins.push(`${auth.username}:${auth.password}`);
      cb(null, { user: auth.username });
    },
    onRcptTo(address, _session, cb) {
      const refused = address.address === opts.refuse;
      cb(refused ? Object.assign(new Error('5.1.1 No such user'), { responseCode: 550 }) : null);
    },
    onData(stream, session, cb) {
      stream.resume();
      stream.on('end', () => {
        s.received.push(session.envelope.rcptTo[0]!.address);
        cb(null);
      });
    },
  });
  smtp.on('error', () => {});
  await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
  const port = (smtp.server.address() as AddressInfo).port;
  const s: Server = {
    url: opts.auth ? `smtp://relay%40user:p%40ss@127.0.0.1:${port}` : `smtp://127.0.0.1:${port}`,
    connections: 0,
    received: [],
    logins: [],
    kill: () => {
      for (const c of smtp.connections) c._socket.destroy();
    },
    close: () => new Promise<void>((r) => smtp.close(() => r())),
  };
  return s;
}

const raw = (to: string) => Buffer.from(`From: a@example.org\r\nTo: ${to}\r\nSubject: t\r\n\r\nHello\r\n`);
const send = (pool: SmtpPool, to: string) => pool.send({ from: 'bounces@example.org', to: [to] }, raw(to));
const options = {
  maxMessages: 1_000,
  reuse: true,
  connectionTimeout: 5_000,
  greetingTimeout: 5_000,
  socketTimeout: 5_000,
};

let cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

describe('SMTP pool', () => {
  it('sends 50 messages over at most 3 connections, reused', async () => {
    const s = await server();
    const pool = new SmtpPool(poolOptionsFromUrl(s.url, { ...options, maxConnections: 3 }));
    cleanup.push(s.close, () => pool.close());
    await Promise.all(Array.from({ length: 50 }, (_, i) => send(pool, `t${i}@example.org`)));
    expect(s.received).toHaveLength(50);
    expect(s.connections).toBeLessThanOrEqual(3);
  });

  it('keeps the connection after a refused recipient (RSET), with the reply code on the failure', async () => {
    const s = await server({ refuse: 'gone@example.org' });
    const pool = new SmtpPool(poolOptionsFromUrl(s.url, { ...options, maxConnections: 1 }));
    cleanup.push(s.close, () => pool.close());
    await send(pool, 'a@example.org');
    const failure = await send(pool, 'gone@example.org').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(PooledSendFailure);
    expect((failure as PooledSendFailure).original).toMatchObject({ responseCode: 550 });
    expect((failure as PooledSendFailure).handedOver).toBe(false);
    await send(pool, 'b@example.org');
    expect(s.received).toEqual(['a@example.org', 'b@example.org']);
    expect(s.connections).toBe(1);
  });

  it('replaces a connection the server closed while idle, and the next message still goes', async () => {
    const s = await server();
    const pool = new SmtpPool(poolOptionsFromUrl(s.url, { ...options, maxConnections: 1 }));
    cleanup.push(s.close, () => pool.close());
    await send(pool, 'a@example.org');
    s.kill();
    await new Promise((r) => setTimeout(r, 50));
    await send(pool, 'b@example.org');
    expect(s.received).toEqual(['a@example.org', 'b@example.org']);
    expect(s.connections).toBe(2);
  });

  it('opens one connection per message when reuse is off', async () => {
    const s = await server();
    const pool = new SmtpPool(poolOptionsFromUrl(s.url, { ...options, reuse: false, maxConnections: 1 }));
    cleanup.push(s.close, () => pool.close());
    for (const to of ['a@example.org', 'b@example.org', 'c@example.org']) await send(pool, to);
    expect(s.connections).toBe(3);
  });

  it('logs in with the (percent-decoded) credentials of the URL', async () => {
    const s = await server({ auth: true });
    const pool = new SmtpPool(poolOptionsFromUrl(s.url, { ...options, maxConnections: 1 }));
    cleanup.push(s.close, () => pool.close());
    await send(pool, 'a@example.org');
    expect(s.logins).toEqual(['relay@user:p@ss']);
  });

  it('reads smtps URLs as TLS on 465 and refuses other schemes', () => {
    expect(poolOptionsFromUrl('smtps://mail.example.org', { ...options, maxConnections: 1 })).toMatchObject({
      host: 'mail.example.org',
      port: 465,
      secure: true,
    });
    expect(() => poolOptionsFromUrl('http://mail.example.org', { ...options, maxConnections: 1 })).toThrow();
  });
});
