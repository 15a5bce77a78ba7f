// HTTP/1.1 over a real socket on loopback, for what inject() cannot show: raw paths it would normalise, and
// how the server behaves while a body is still arriving (or never does).
import { request } from 'node:http';
import { connect } from 'node:net';

/** One raw HTTP/1.1 request; answers the status line's code and the Location header, if any. */
export function rawGet(
  port: number,
  target: string,
): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let head = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      head += chunk;
    });
    socket.on('error', reject);
    socket.on('close', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const location = /\r\nlocation: ([^\r]*)\r\n/i.exec(head)?.[1];
      resolve({ status, location });
    });
  });
}

/**
 * Sends the head of a request announcing `length` bytes and then only `start`; resolves with the status
 * the server answers (0 if none within 5 s: it would be waiting for the rest) once the server has closed
 * the connection (a `!` is appended to the status when it has not: it would read the rest for nothing).
 */
export function answerBeforeBody(
  port: number,
  url: string,
  headers: Record<string, string>,
  length: number,
  start: string,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => finish(false), 5_000);
    function finish(closed: boolean) {
      clearTimeout(timer);
      socket.destroy();
      const status = /^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? '0';
      resolve(closed ? status : `${status}!`);
    }
    socket.on('connect', () => {
      const head = Object.entries({ host: '127.0.0.1', 'content-length': String(length), ...headers })
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('');
      socket.write(`POST ${url} HTTP/1.1\r\n${head}\r\n${start}`);
    });
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('end', () => finish(true));
    socket.on('error', () => finish(true));
  });
}

/**
 * A connection that sends a request head announcing a body and then nothing: `outcome` resolves, once the
 * server has closed it, with the status it answered ('0' if none).
 */
export function idleBody(
  port: number,
  url: string,
  length: number,
  localAddress = '127.0.0.1',
): { opened: Promise<void>; outcome: Promise<string> } {
  const socket = connect({ port, host: '127.0.0.1', localAddress });
  let received = '';
  socket.setEncoding('latin1');
  socket.on('data', (chunk: string) => {
    received += chunk;
  });
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.on('connect', () => {
      socket.write(
        `POST ${url} HTTP/1.1\r\nHost: 127.0.0.1\r\n` +
          `Content-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`,
        () => resolve(),
      );
    });
  });
  const outcome = new Promise<string>((resolve) => {
    socket.on('close', () => resolve(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? '0'));
    socket.on('error', () => {});
  });
  return { opened, outcome };
}

/** A whole form POST over its own connection from `localAddress` (any 127.x.y.z on loopback). */
export function postForm(
  port: number,
  url: string,
  body: string,
  localAddress: string,
): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: url,
        method: 'POST',
        localAddress,
        agent: false,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
