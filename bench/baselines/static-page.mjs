// Bare baseline for the page scenario: node:http answering the same bytes from memory.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.env.PAGE_FILE);
createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length });
  res.end(body);
}).listen(Number(process.env.PORT), '127.0.0.1');

// Exit cleanly on SIGTERM so that a CPU profile (BENCH_PROFILE) gets written.
process.once('SIGTERM', () => process.exit(0));
