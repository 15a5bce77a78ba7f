// HTTP/1.1 over a real socket on loopback, for what inject() cannot show: raw paths it would normalise, and
// how the server behaves while a body is still arriving (or never does).
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
