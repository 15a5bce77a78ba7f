// HTTP/1.1 over a plain socket, byte for byte as given: fetch() would normalise the paths the audit sends
// (`/\evil.com` becomes another host), refuse some headers, and could not hold a body back.
import { connect, type Socket } from 'node:net';

export interface Target {
  host: string;
  port: number;
  /** The Host header to send (the URL's). */
  authority: string;
}

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
  ms: number;
}

export function targetOf(url: string): Target {
  const u = new URL(url);
  if (u.protocol !== 'http:')
    throw new Error('the audit speaks plain HTTP: give an http:// URL (a loopback port)');
  return { host: u.hostname, port: Number(u.port || 80), authority: u.host };
}

function parse(raw: Buffer, started: number): Answer {
  const text = raw.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  const head = end === -1 ? text : text.slice(0, end);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
    headers,
    body: end === -1 ? '' : Buffer.from(text.slice(end + 4), 'latin1').toString('utf8'),
    ms: Date.now() - started,
  };
}

export interface SendOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Announced length when it differs from the body's (a body held back). */
  contentLength?: number;
  localAddress?: string;
  /** Give up waiting after this long and report what arrived (status 0 when nothing). */
  timeoutMs?: number;
  /** Resolve as soon as the status line has arrived, without waiting for the rest. */
  headOnly?: boolean;
  /** Leave the head unfinished (no blank line after the headers): slow headers. */
  unfinished?: boolean;
}

/** One request on its own connection (`Connection: close`); the answer once the server closes. */
export function send(target: Target, path: string, o: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket: Socket = connect({
      host: target.host,
      port: target.port,
      ...(o.localAddress ? { localAddress: o.localAddress } : {}),
    });
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks), started));
    };
    const timer = setTimeout(finish, o.timeoutMs ?? 15_000);
    socket.on('connect', () => {
      const body = o.body === undefined ? undefined : Buffer.from(o.body);
      const headers: Record<string, string> = { host: target.authority, connection: 'close', ...o.headers };
      const length = o.contentLength ?? body?.length;
      if (length !== undefined) headers['content-length'] = String(length);
      const head = `${o.method ?? 'GET'} ${path} HTTP/1.1\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}${o.unfinished ? '' : '\r\n'}`;
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body ?? Buffer.alloc(0)]));
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (o.headOnly && Buffer.concat(chunks).includes('\r\n')) finish();
    });
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

/** A connection that sends a head announcing `length` bytes and nothing more; `close()` ends it. */
export function holdBody(target: Target, path: string, length: number, localAddress?: string) {
  const socket = connect({ host: target.host, port: target.port, ...(localAddress ? { localAddress } : {}) });
  socket.on('error', () => {});
  const opened = new Promise<void>((resolve) => {
    socket.on('connect', () =>
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: ${target.authority}\r\ncontent-type: application/x-www-form-urlencoded\r\ncontent-length: ${length}\r\n\r\n`,
        () => resolve(),
      ),
    );
    socket.on('error', () => resolve());
  });
  return { opened, close: () => socket.destroy() };
}

/** Sends a body one byte at a time, `everyMs` apart; the answer once the server closes. */
export function dribble(target: Target, path: string, body: string, everyMs: number): Promise<Answer> {
  return new Promise((resolve) => {
    const started = Date.now();
    const chunks: Buffer[] = [];
    const socket = connect({ host: target.host, port: target.port });
    let i = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.on('connect', () => {
      socket.write(
        `POST ${path} HTTP/1.1\r\nhost: ${target.authority}\r\nconnection: close\r\n` +
          `content-type: application/x-www-form-urlencoded\r\ncontent-length: ${body.length}\r\n\r\n`,
      );
      timer = setInterval(() => {
        if (i < body.length && !socket.destroyed) socket.write(body[i++]!);
      }, everyMs);
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finish = () => {
      clearInterval(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks), started));
    };
    socket.on('close', finish);
    socket.on('error', finish);
  });
}
