// The mail benchmark's receiving end, in its own process: an SMTP server on loopback that accepts every
// message and counts them, plus a small HTTP endpoint the driver asks for the count, the times of the first
// and last message, and how often each Message-ID arrived (so the benchmark can check that every message
// came exactly once). Only the header block is looked at, never parsed as MIME. Argv: SMTP port, HTTP port.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
let count = 0;
let firstAt = 0;
let lastAt = 0;
/** Message-ID → times it arrived. */
let ids = new Map<string, number>();
let withoutId = 0;

const headerEnd = Buffer.from('\r\n\r\n');
const MESSAGE_ID = /^Message-ID:[ \t]*(<[^>\r\n]+>)/im;

const smtp = new SMTPServer({
  logger: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: 10 * 1024 * 1024,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    // The header block, gathered until its blank line (the first chunk holds all of it in practice).
    let head: Buffer | null = Buffer.alloc(0);
    stream.on('data', (chunk: Buffer) => {
      if (head === null) return;
      head = head.length === 0 ? chunk : Buffer.concat([head, chunk]);
      const end = head.indexOf(headerEnd);
      if (end >= 0) head = head.subarray(0, end);
      if (end >= 0 || head.length > 256 * 1024) {
        note(head);
        head = null;
      }
    });
    stream.on('end', () => {
      if (head !== null) note(head);
      const now = performance.now();
      if (count === 0) firstAt = now;
      lastAt = now;
      count++;
      callback(null);
    });
  },
});
smtp.on('error', () => {});
smtp.listen(smtpPort, '127.0.0.1');

function note(head: Buffer): void {
  const id = MESSAGE_ID.exec(head.toString('latin1'))?.[1];
  if (id === undefined) withoutId++;
  else ids.set(id, (ids.get(id) ?? 0) + 1);
}

createServer((req, res) => {
  if (req.url === '/reset') {
    count = firstAt = lastAt = withoutId = 0;
    ids = new Map();
  }
  res.setHeader('content-type', 'application/json');
  if (req.url === '/ids') {
    // Every Message-ID that arrived more than once, and the distinct count.
    const repeated = [...ids].filter(([, n]) => n > 1);
    res.end(JSON.stringify({ distinct: ids.size, withoutId, repeated: Object.fromEntries(repeated) }));
    return;
  }
  if (req.url === '/ids/all') {
    res.end(JSON.stringify([...ids.keys()]));
    return;
  }
  res.end(JSON.stringify({ count, seconds: (lastAt - firstAt) / 1000 }));
}).listen(httpPort, '127.0.0.1');
