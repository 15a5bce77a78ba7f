// The mail benchmark's receiving end, in its own process: an SMTP server on loopback that accepts every
// message without parsing it and counts them, plus a small HTTP endpoint the driver asks for the count and
// the times of the first and last message. Argv: SMTP port, HTTP port.
import { createServer } from 'node:http';
import { SMTPServer } from 'smtp-server';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
let count = 0;
let firstAt = 0;
let lastAt = 0;

const smtp = new SMTPServer({
  logger: false,
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: 10 * 1024 * 1024,
  closeTimeout: 100,
  onData(stream, _session, callback) {
    stream.on('data', () => {});
    stream.on('end', () => {
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

createServer((req, res) => {
  if (req.url === '/reset') count = firstAt = lastAt = 0;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify({ count, seconds: (lastAt - firstAt) / 1000 }));
}).listen(httpPort, '127.0.0.1');
