// `npm run audit:hostile [-- http://127.0.0.1:3000] [-- --slow]`: replays one request (or one small burst)
// per hostile class of quality.md and issue 19 against a running app, or against a throwaway one on a
// loopback port, and prints one line per class with what came back. Nothing here asserts: it is for a
// person (or a successor) to rerun and read; the tests assert (src/http/security/, src/http/fuzz.test.ts).
import { gzipSync } from 'node:zlib';
import { hostileText } from '../test/hostile-input.js';
import { startLocalApp } from './audit/local-app.js';
import { type Answer, dribble, holdBody, send, type Target, targetOf } from './audit/raw-client.js';

const args = process.argv.slice(2);
const slow = args.includes('--slow');
const given = args.find((a) => a.startsWith('http://'));
const local = given ? undefined : await startLocalApp();
const target: Target = targetOf(given ?? local!.url);
const loopback = target.host === '127.0.0.1' || target.host === 'localhost';

const form = 'application/x-www-form-urlencoded';
const encode = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const status = (a: Answer) =>
  `${a.status || 'no answer'}${a.headers.location ? ` Location: ${a.headers.location}` : ''}`;

// A live campaign and fresh form tokens, as a browser would get them.
const home = await send(target, '/en/');
const slug = /href="\/en\/campaigns\/(?!archive")([a-z0-9-]+)"/.exec(home.body)?.[1] ?? 'no-campaign-found';
const signUrl = `/en/campaigns/${slug}/sign`;
const signToken = async () =>
  /name="token" value="([^"]+)"/.exec((await send(target, `/en/campaigns/${slug}`)).body)?.[1] ?? '';
const ana = {
  name: 'Ana Souza',
  email: 'ana.audit@example.org',
  union: 'CUT',
  country: 'BR',
  message: 'Free him.',
};
let token = await signToken();
// The form token's fill-time check: a person takes more than three seconds.
await new Promise((r) => setTimeout(r, 3_100));
const sign = (fields: Record<string, string>, o: { headers?: Record<string, string> } = {}) =>
  send(target, signUrl, {
    method: 'POST',
    headers: { 'content-type': form, ...o.headers },
    body: encode({ token, ...ana, ...fields }),
  });

/** `98× 303, 2× 503`: how many answers had each status. */
function tally(answers: Answer[]): string {
  const byStatus = new Map<number, number>();
  for (const a of answers) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
  return [...byStatus].map(([s, n]) => `${n}× ${s}`).join(', ');
}

type Check = [name: string, run: () => Promise<string>];
const checks: Check[] = [
  // Issue 19
  [
    '1 ReDoS: 4,000 @ in a request form target',
    async () => {
      const page = await send(target, '/en/request');
      const requestToken = /name="token" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const a = await send(target, '/en/request', {
        method: 'POST',
        headers: { 'content-type': form },
        body: encode({ token: requestToken, targets: '@'.repeat(4_000), orgName: 'x' }),
      });
      return `${status(a)} in ${a.ms} ms`;
    },
  ],
  [
    '2 idle connections: 130 heads without body, then a sign',
    async () => {
      const idle = Array.from({ length: 130 }, () => holdBody(target, signUrl, 60_000));
      await Promise.all(idle.map((c) => c.opened));
      const a = await send(target, signUrl, {
        method: 'POST',
        headers: { 'content-type': form },
        body: encode({ token, ...ana, email: 'idle.audit@example.org' }),
        ...(loopback ? { localAddress: '127.0.1.1' } : {}),
      });
      for (const c of idle) c.close();
      return `the sign: ${status(a)}`;
    },
  ],
  [
    '3 multipart where none is expected (32 MB to /editor/login)',
    async () => {
      const a = await send(target, '/editor/login', {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x' },
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n',
        contentLength: 32 * 1024 * 1024,
        headOnly: true,
        timeoutMs: 5_000,
      });
      return `${status(a)} after ${a.ms} ms, body not sent`;
    },
  ],
  ['4 open redirect GET /%2Fevil.com', async () => status(await send(target, '/%2Fevil.com'))],
  [
    '5 logs (local app only): client address or token',
    async () => {
      if (!local) return 'not checked (running app: read its log)';
      // From an address of its own, so that a client address in the log cannot be the server's.
      await send(target, `/en/confirm/${'Q'.repeat(32)}`, { localAddress: '127.0.3.3' });
      const log = local.logLines.join('');
      const leaks = ['127.0.3.3', 'remoteAddress', 'Q'.repeat(32)].filter((s) => log.includes(s));
      return leaks.length === 0 ? `${local.logLines.length} lines, none found` : `FOUND ${leaks.join(', ')}`;
    },
  ],
  [
    '10 live-counter streams: 200 from one client',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 200 }, () =>
          send(target, `/api/campaigns/${slug}/events`, { headOnly: true, timeoutMs: 5_000 }),
        ),
      );
      return tally(answers);
    },
  ],
  ['8 development mail viewer GET /dev/mail', async () => status(await send(target, '/dev/mail'))],
  [
    '9 spoofed X-Forwarded-For from an untrusted peer',
    async () =>
      status(await sign({ email: 'xff.audit@example.org' }, { headers: { 'x-forwarded-for': '6.6.6.6' } })),
  ],
  [
    '11 multipart boundary=nope to the sign route',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': 'multipart/form-data; boundary=nope' },
          body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
        }),
      ),
  ],
  ['11 control character as locale GET /%0A', async () => status(await send(target, '/%0A'))],
  ['11 non-Latin-1 locale GET /%C4%80', async () => status(await send(target, '/%C4%80'))],
  [
    '11 invalid UTF-8 in a sign field (name=%FF)',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: `${encode({ token, ...ana, email: 'utf8.audit@example.org' }).replace('name=Ana+Souza', 'name=Ana%FF')}`,
        }),
      ),
  ],
  [
    '11 lone surrogate in a JSON sign body',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ token, ...ana, name: 'Ana \ud800' }),
        }),
      ),
  ],
  [
    '11 Content-Encoding: gzip sign body',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form, 'content-encoding': 'gzip' },
          body: gzipSync(encode({ token, ...ana })),
        }),
      ),
  ],
  // quality.md, "Hostile input"
  [
    'header injection in name (CR LF Bcc)',
    async () => status(await sign({ name: hostileText['header injection']![0]! })),
  ],
  ['email: two @', async () => status(await sign({ email: 'a@b@example.org' }))],
  ['email: a display name in the field', async () => status(await sign({ email: 'Ana <ana@example.org>' }))],
  ['names: 10,000 characters', async () => status(await sign({ name: 'x'.repeat(10_000) }))],
  ['names: RTL override U+202E', async () => status(await sign({ name: 'Ana \u202eazuoS' }))],
  [
    'texts: <script> in the message (stored, escaped)',
    async () =>
      status(await sign({ email: 'script.audit@example.org', message: '<script>alert(1)</script>' })),
  ],
  [
    'encoding: overlong UTF-8 (%C0%AF)',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: encode({ token, ...ana }).replace('message=Free+him.', 'message=%C0%AF'),
        }),
      ),
  ],
  [
    'shape: 1 MB body',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: `name=${'a'.repeat(1 << 20)}`,
        }),
      ),
  ],
  [
    'shape: 100 MB announced',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: 'name=a',
          contentLength: 100 * 1024 * 1024,
          headOnly: true,
          timeoutMs: 5_000,
        }),
      ),
  ],
  [
    'shape: duplicate keys (name twice)',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: `${encode({ token, ...ana })}&name=Two`,
        }),
      ),
  ],
  [
    'shape: __proto__ and constructor keys',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': form },
          body: `${encode({ token, ...ana, email: 'proto.audit@example.org' })}&__proto__[admin]=1&constructor[prototype][admin]=1`,
        }),
      ),
  ],
  [
    'shape: deep JSON nesting (5,000 levels)',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}`,
        }),
      ),
  ],
  [
    'shape: mass assignment status=confirmed',
    async () =>
      status(await sign({ email: 'mass.audit@example.org', status: 'confirmed', campaign_id: '2' })),
  ],
  [
    'shape: missing Content-Type',
    async () => status(await send(target, signUrl, { method: 'POST', body: encode({ token, ...ana }) })),
  ],
  [
    'shape: text/plain Content-Type',
    async () =>
      status(
        await send(target, signUrl, {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: encode({ token, ...ana }),
        }),
      ),
  ],
  [
    'tokens: forged confirm link (GET, then POST)',
    async () => {
      const get = await send(target, `/en/confirm/${'A'.repeat(32)}`);
      const post = await send(target, `/en/confirm/${'A'.repeat(32)}`, {
        method: 'POST',
        headers: { 'content-type': form },
        body: '',
      });
      return `GET ${status(get)}, POST ${status(post)}`;
    },
  ],
  ['tokens: truncated status link', async () => status(await send(target, '/en/status/1.abc'))],
  [
    'http: oversized header (32 KB cookie)',
    async () => status(await send(target, '/en/', { headers: { cookie: `a=${'x'.repeat(32_768)}` } })),
  ],
  [
    'http: IPv4-mapped X-Forwarded-For',
    async () =>
      status(
        await sign(
          { email: 'mapped.audit@example.org' },
          { headers: { 'x-forwarded-for': '::ffff:198.51.100.1' } },
        ),
      ),
  ],
  [
    'http: Host header aimed at links (Host: evil.example)',
    async () => {
      const a = await send(target, `/en/campaigns/${slug}`, { headers: { host: 'evil.example' } });
      return `${status(a)}, evil.example in the page: ${a.body.includes('evil.example') ? 'YES' : 'no'}`;
    },
  ],
  [
    'csrf: Sec-Fetch-Site cross-site POST /editor/login',
    async () =>
      status(
        await send(target, '/editor/login', {
          method: 'POST',
          headers: { 'content-type': form, 'sec-fetch-site': 'cross-site' },
          body: 'email=a%40b.example&password=x',
        }),
      ),
  ],
  [
    'csrf: foreign Origin POST /editor/login',
    async () =>
      status(
        await send(target, '/editor/login', {
          method: 'POST',
          headers: { 'content-type': form, origin: 'https://evil.example' },
          body: 'email=a%40b.example&password=x',
        }),
      ),
  ],
  ['cost: 5,000 < in a name', async () => status(await sign({ name: '<'.repeat(5_000) }))],
  ['redirect: //evil.com', async () => status(await send(target, '//evil.com'))],
  ['redirect: /\\evil.com', async () => status(await send(target, '/\\evil.com'))],
  [
    'redirect: absolute next= on the editor login',
    async () => status(await send(target, '/editor/login?next=https%3A%2F%2Fevil.example%2F')),
  ],
  [
    'abuse: the same email 100 times at once',
    async () => {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () => sign({ email: 'same.audit@example.org' })),
      );
      return tally(answers);
    },
  ],
  [
    'abuse: a form posted within a second of being served',
    async () => {
      token = await signToken();
      return status(await sign({ email: 'fast.audit@example.org' }));
    },
  ],
  [
    'cost: a body that arrives byte by byte (1 byte/s)',
    async () => {
      const a = await dribble(target, signUrl, encode({ token, ...ana }), 1_000);
      return `${status(a)} after ${Math.round(a.ms / 1000)} s`;
    },
  ],
];
if (slow) {
  checks.push([
    'http: slow headers (one header line, then nothing)',
    async () => {
      const a = await send(target, '/en/', { unfinished: true, timeoutMs: 120_000 });
      return `${status(a)} after ${Math.round(a.ms / 1000)} s`;
    },
  ]);
}

console.log(`auditing ${given ?? `a throwaway app at ${local!.url}`} (campaign ${slug})`);
const width = Math.max(...checks.map(([name]) => name.length)) + 2;
for (const [name, run] of checks) {
  let line: string;
  try {
    line = await run();
  } catch (error) {
    line = `audit error: ${(error as Error).message}`;
  }
  console.log(`${name.padEnd(width)}${line}`);
}
await local?.close();
process.exit(0);
