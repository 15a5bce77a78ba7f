// `npm run bench:mailing`: a 100,000-subscriber mailing in 5 languages (one of them without a translation,
// so it gets the source with a note) queued in a fresh SQLite database and sent by the built app's worker
// (production mode, its own process) to an SMTP sink in a third process; in the same run a bare nodemailer
// pooled loop, in a process of its own, sends the same messages (the same renderer's HTML and text, the same
// headers) over the same number of connections. Then a 1,000,000-recipient mailing is started the same way
// and measured while its first 100,000 go out: the queue is on disk and claimed in pages, so its peak RSS
// must match the small one's. Rates are measured at the sink, first message to last; peak RSS is the
// process's high-water mark (VmHWM). Every run is checked: each message arrived exactly once, and for ours
// the table says `sent` for every row that arrived.
// Flags: --recipients N (100,000), --big N (1,000,000; 0 skips it), --big-until N (how many of the big
// mailing's messages are measured; --recipients), --dkim (RSA-2048 signing), --skip-bare (ours only, while
// profiling). The environment variables
// BENCH_MAILING_RECIPIENTS, BENCH_MAILING_BIG and BENCH_MAILING_DKIM=1 still work.
// Profiling the worker: BENCH_PROFILE=dir (CPU), BENCH_HEAP_PROFILE=dir (sampled allocations); its memory
// is sampled every half second by lib/memory-sampler.mjs and summarised under the table.
import { spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { projectRoot } from '../src/config/paths.js';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DataVault } from '../src/security/data-keys.js';
import { queueMailing } from '../test/mailing-queue-helpers.js';
import {
  benchDataKey,
  benchLogKey,
  cpuSeconds,
  peakRssMb,
  type Started,
  startProcess,
} from './lib/processes.js';
import { sinkClient } from './lib/sink-client.js';
import { header, ratio } from './lib/table.js';

const { values: flags } = parseArgs({
  options: {
    recipients: { type: 'string' },
    big: { type: 'string' },
    'big-until': { type: 'string' },
    dkim: { type: 'boolean' },
    'skip-bare': { type: 'boolean' },
  },
});
const total = Number(flags.recipients ?? process.env.BENCH_MAILING_RECIPIENTS ?? 100_000);
const big = Number(flags.big ?? process.env.BENCH_MAILING_BIG ?? 1_000_000);
const bigUntil = Math.min(big, Number(flags['big-until'] ?? total));
const signed = flags.dkim === true || process.env.BENCH_MAILING_DKIM === '1';
const connections = 10;
const domains = 50;
const locales = ['en', 'ar', 'es', 'fr', 'tl'] as const;
const smtpPort = 32_535;
const sinkHttpPort = 32_536;
const appPort = 32_537;
const secret = 'bench-secret-bench-secret-bench-secret-0000';
const site = {
  name: 'Outcry',
  baseUrl: 'https://outcry.example.org',
  mailFrom: 'campaigns@outcry.example.org',
  secret,
};

const body = `Erlan Baltabay walked out of prison **today**.

Thank you to the 7,000 of you who wrote to the authorities of Kazakhstan, and to the translators who
carried this campaign into 18 languages. [Read the whole story](https://outcry.example.org/en/campaigns/free-erlan).

Five other campaigns need you now: please take a minute for each of them.`;
const texts = (locale: string) => ({
  subject: `Erlan is free (${locale})`,
  preheader: 'Thank you',
  bodyMd: body,
});
const translations = Object.fromEntries(
  locales.filter((l) => l !== 'en' && l !== 'tl').map((l) => [l, texts(l)]),
);
const subscriber = (i: number) => ({
  email: `s${i}@d${i % domains}.example.net`,
  name: `Subscriber ${i}`,
  locale: locales[i % locales.length]!,
});

const sink = sinkClient(sinkHttpPort);

/** The Node flags of `npm start` (package.json), so the worker measured is the one operators run. */
const startFlags = (
  JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  }
).scripts
  .start!.split(' ')
  .filter((w) => w.startsWith('--'))
  // BENCH_NODE_FLAGS: more flags for both processes, to try one before it goes into `npm start`.
  .concat((process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean));

async function waitForCount(
  n: number,
  timeoutMs: number,
  onPoll?: (arrived: number) => void,
): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await sink.count();
    onPoll?.(c.count);
    if (c.count >= n) return c.count / c.seconds;
    if (Date.now() > deadline)
      throw new Error(`sink got ${c.count} of ${n} messages in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A fresh SQLite database holding one mailing in `sending` with `n` queued recipients. */
async function prefill(n: number): Promise<{ url: string; mailingId: number }> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-bench-mailing-')), 'mailing.db')}`;
  const db = openDb({ url, vault: DataVault.fromText(benchDataKey) });
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  const started = Date.now();
  const { mailingId } = await queueMailing(db.kysely, {
    subscribers: { count: n, make: subscriber },
    now: Date.now(),
    source: texts('en'),
    translations,
    page: 500,
    keepIds: false,
  });
  // Everyone also signed a live campaign (the mailing lists it among the others), unconfirmed: a confirmed
  // signature is appended to the campaign's signature log (decision 0031), and a million written at once
  // held the worker's event loop for 4 minutes and its heap at ~600 MB before the mailing began, which is
  // the log's cost, not the sender's (a real campaign's log grows every five minutes).
  const campaignId = await new CampaignRepository(db).create(
    {
      slug: 'reinstate-the-cairo-bus-drivers',
      status: 'live',
      sourceLocale: 'en',
      translations: [
        {
          locale: 'en',
          status: 'published',
          headline: 'Reinstate the Cairo bus drivers',
          backgroundMd: 'Forty drivers were fired for founding a union.',
          defaultMessage: 'Reinstate them.',
          targetSubject: 'Reinstate the drivers',
          outcomeMd: null,
        },
      ],
      partners: [],
      targets: [],
    },
    Date.now(),
  );
  await sql`insert into signatures (campaign_id, supporter_id, locale, name, message, status, created_at, confirmed_at)
    select ${campaignId}, id, locale, '', '', 'pending', created_at, null from supporters`.execute(db.kysely);
  await db.close();
  console.error(
    `queued ${n.toLocaleString('en')} recipients in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  return { url, mailingId };
}

/** Sent rows whose Message-ID did not arrive, or arrived rows the table does not call sent. */
async function checkTable(url: string, mailingId: number): Promise<void> {
  const arrived = new Set(await sink.ask<string[]>('/ids/all'));
  const db = openDb({ url, vault: DataVault.fromText(benchDataKey) });
  try {
    let sent = 0;
    let missing = 0;
    for (let after = 0; ; ) {
      const rows = await db.kysely
        .selectFrom('mailing_recipients')
        .select(['id', 'status'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(10_000)
        .execute();
      if (rows.length === 0) break;
      after = rows.at(-1)!.id;
      for (const r of rows) {
        const mid = `<mailing.${mailingId}.${r.id}@outcry.example.org>`;
        if (r.status === 'sent') {
          sent++;
          if (!arrived.has(mid)) missing++;
        } else if (arrived.has(mid) && r.status !== 'sending') missing++;
      }
    }
    if (missing > 0 || sent === 0)
      throw new Error(`ours: ${sent} sent, ${missing} rows disagree with the sink`);
  } finally {
    await db.close();
  }
}

interface Measured {
  rate: number;
  rssMb: number | undefined;
  /**
   * CPU time of the sending process (every thread) per message, in µs: what load on the machine does not
   * change much, unlike the rate (other people's work on the same cores slows both sides unevenly).
   */
  cpuUsPerMessage: number | undefined;
  /** What the worker's memory was made of (from lib/memory-sampler.mjs), for ours. */
  memory?: string;
}

interface Sample {
  thread: number;
  t: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
}

/** The highest of each figure over the run: the process's RSS, the main isolate's heap, the threads'. */
function memorySummary(file: string): string {
  let samples: Sample[] = [];
  try {
    samples = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Sample);
  } catch {
    return 'no memory samples';
  }
  const max = (xs: number[]) => (xs.length === 0 ? 0 : Math.max(...xs));
  const main = samples.filter((s) => s.thread === 0);
  const threads = new Set(samples.filter((s) => s.thread !== 0).map((s) => s.thread));
  const threadHeaps = [...threads].map((id) =>
    max(samples.filter((s) => s.thread === id).map((s) => s.heapTotal)),
  );
  return (
    `sampled RSS max ${max(samples.map((s) => s.rss))} MB; main heap max ${max(main.map((s) => s.heapTotal))} MB ` +
    `(live after GC min ${Math.min(...main.filter((s) => s.t > 5_000).map((s) => s.heapUsed))} MB), ` +
    `main external max ${max(main.map((s) => s.external))} MB; ` +
    `${threads.size} other thread(s), heaps max ${threadHeaps.join(', ') || '—'} MB`
  );
}

/** Our worker sends the mailing; measured until `until` messages arrived (all of them by default). */
async function ours(n: number, dkimKey: string | undefined, until = n): Promise<Measured> {
  const { url, mailingId } = await prefill(n);
  await sink.reset();
  const memoryLog = join(tmpdir(), `outcry-bench-mailing-memory-${process.pid}-${n}.jsonl`);
  rmSync(memoryLog, { force: true });
  const app: Started = await startProcess(
    // As `npm start` runs it: the young generation capped (decision 0020, "Memory").
    [
      ...startFlags,
      '--import',
      './bench/lib/memory-sampler.mjs',
      ...(process.env.BENCH_HEAP_PROFILE
        ? ['--heap-prof', `--heap-prof-dir=${process.env.BENCH_HEAP_PROFILE}`]
        : []),
      'bin/outcry.mjs',
      'start',
    ],
    {
      BENCH_MEMORY_LOG: memoryLog,
      DATA_KEY: benchDataKey,
      NODE_ENV: 'production',
      APP_SECRET: secret,
      LOG_SIGNING_KEY: benchLogKey,
      HOST: '127.0.0.1',
      PORT: String(appPort),
      BASE_URL: site.baseUrl,
      DATABASE_URL: url,
      MIGRATE_ON_START: 'true',
      ROLES: 'web,worker',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: site.mailFrom,
      DELIVERY_CONNECTIONS: String(connections),
      MAILING_RATE: '10000',
      ...(dkimKey ? { DKIM_SELECTOR: 'bench', DKIM_PRIVATE_KEY: dkimKey } : {}),
    },
    '/healthz',
    appPort,
  );
  let result: Measured;
  try {
    // From the first message that arrived to the last: the start (migration, compilation) is left out,
    // as the bare loop leaves out its own.
    let from: { cpu: number; arrived: number } | undefined;
    let to: { cpu: number; arrived: number } | undefined;
    const rate = await waitForCount(until, 3_600_000, (arrived) => {
      const cpu = cpuSeconds(app.pid);
      if (cpu === undefined || arrived === 0) return;
      from ??= { cpu, arrived };
      to = { cpu, arrived };
    });
    const cpuUsPerMessage =
      from && to && to.arrived > from.arrived
        ? ((to.cpu - from.cpu) * 1e6) / (to.arrived - from.arrived)
        : undefined;
    result = { rate, rssMb: peakRssMb(app.pid), memory: memorySummary(memoryLog), cpuUsPerMessage };
  } finally {
    await app.stop();
  }
  await sink.checkExactlyOnce(until, 'ours', { atLeast: true });
  await checkTable(url, mailingId);
  return result;
}

/**
 * The same messages through nodemailer's pooled transport, in a process of its own (lib/mailing-bare.mjs)
 * with the worker's Node flags, so its peak RSS compares with the worker's.
 */
async function bare(n: number, dkimKey: string | undefined): Promise<Measured> {
  await sink.reset();
  const child = spawn(
    process.execPath,
    [
      ...startFlags,
      'bench/lib/mailing-bare.mjs',
      JSON.stringify({
        n,
        port: smtpPort,
        connections,
        domains,
        locales,
        texts: texts('en'),
        translations,
        site,
        dkimKey,
      }),
    ],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the bare loop exited with ${code}`);
  const rate = await waitForCount(n, 60_000);
  await sink.checkExactlyOnce(n, 'bare');
  const reported = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as { rssMb?: number; cpuMs?: number };
  return {
    rate,
    rssMb: reported.rssMb,
    cpuUsPerMessage: reported.cpuMs === undefined ? undefined : (reported.cpuMs * 1000) / n,
  };
}

const sinkProcess = await startProcess(
  ['--import', 'tsx', 'bench/lib/sink-server.ts', String(smtpPort), String(sinkHttpPort)],
  {},
  '/count',
  sinkHttpPort,
);
const dkimKey = signed
  ? generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    }).privateKey
  : undefined;
const what = `${locales.length} languages, ${domains} domains, ${connections} connections, ${signed ? 'RSA-2048 DKIM' : 'no DKIM'}`;
const fmt = (r: number) => `${Math.round(r).toLocaleString('en')}`;
const mb = (m: number | undefined) => (m === undefined ? '?' : `${m} MB`);
const us = (m: Measured) => (m.cpuUsPerMessage === undefined ? '?' : `${Math.round(m.cpuUsPerMessage)}`);
const cpu = (m: Measured, bareRun: Measured) => `${us(m)} (${us(bareRun)})`;
/** Bare CPU per message over ours: above 1× ours costs less than the bare loop. */
const cpuRatio = (m: Measured, bareRun: Measured) =>
  m.cpuUsPerMessage && bareRun.cpuUsPerMessage ? ratio(bareRun.cpuUsPerMessage, m.cpuUsPerMessage) : '—';
const table: string[][] = [
  [
    'scenario',
    'messages/s',
    'bare loop messages/s',
    'ratio',
    'CPU µs/message (bare)',
    'CPU ratio',
    'peak RSS',
    'bare RSS',
  ],
];
const notes: string[] = [];
function print(): void {
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(table[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of table.slice(1)) console.log(line(r));
  for (const n of notes) console.log(n);
}
try {
  console.log(header());
  console.log(
    `${what}; load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the start`,
  );
  const bareRun: Measured = flags['skip-bare']
    ? { rate: 0, rssMb: undefined, cpuUsPerMessage: undefined }
    : await bare(total, dkimKey);
  const small = await ours(total, dkimKey);
  table.push([
    `${total.toLocaleString('en')} recipients`,
    fmt(small.rate),
    fmt(bareRun.rate),
    ratio(small.rate, bareRun.rate),
    cpu(small, bareRun),
    cpuRatio(small, bareRun),
    mb(small.rssMb),
    mb(bareRun.rssMb),
  ]);
  notes.push(`${total.toLocaleString('en')}: ${small.memory}; each arrived once, table agrees`);
  print();
  if (big > 0) {
    const large = await ours(big, dkimKey, bigUntil);
    table.push([
      `${big.toLocaleString('en')} recipients${bigUntil < big ? ` (first ${bigUntil.toLocaleString('en')})` : ''}`,
      fmt(large.rate),
      fmt(bareRun.rate),
      ratio(large.rate, bareRun.rate),
      cpu(large, bareRun),
      cpuRatio(large, bareRun),
      mb(large.rssMb),
      mb(bareRun.rssMb),
    ]);
    notes.push(`${big.toLocaleString('en')}: ${large.memory}; each arrived once, table agrees`);
    console.log('');
    print();
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end, ${new Date().toISOString()}`,
  );
} finally {
  await sinkProcess.stop();
}
process.exit(0);
