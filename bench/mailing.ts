// `npm run bench:mailing`: a 100,000-subscriber mailing in 5 languages (one of them without a translation,
// so it gets the source with a note) queued in a fresh SQLite database and sent by the built app's worker
// (production mode, its own process) to an SMTP sink in a third process; in the same run a bare nodemailer
// pooled loop sends the same messages (the same renderer's HTML and text, the same headers) over the same
// number of connections. Then a 1,000,000-recipient mailing is started the same way and measured while its
// first 100,000 go out: the queue is on disk and claimed in pages, so its peak RSS must match the small
// one's. Rates are measured at the sink, first message to last. Every run is checked: each message arrived
// exactly once, and for ours the table says `sent` for every row that arrived.
// BENCH_MAILING_RECIPIENTS and BENCH_MAILING_BIG change the sizes; BENCH_MAILING_DKIM=1 signs (RSA-2048).
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { projectRoot } from '../src/config/paths.js';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { mailingMessage } from '../src/jobs/mailing/mailing-message.js';
import { compileMailing } from '../src/mail/templates/mailing.email.js';
import { toNodemailerMessage } from '../src/mail/transport.js';
import { DataVault } from '../src/security/data-keys.js';
import { queueMailing } from '../test/mailing-queue-helpers.js';
import { bareTransporter } from './lib/bare-nodemailer.js';
import { benchDataKey, benchLogKey, peakRssMb, type Started, startProcess } from './lib/processes.js';
import { sinkClient } from './lib/sink-client.js';
import { header, printTable, type Row, ratio } from './lib/table.js';

const total = Number(process.env.BENCH_MAILING_RECIPIENTS ?? 100_000);
const big = Number(process.env.BENCH_MAILING_BIG ?? 1_000_000);
const signed = process.env.BENCH_MAILING_DKIM === '1';
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
  .filter((w) => w.startsWith('--'));

async function waitForCount(n: number, timeoutMs: number, onPoll?: () => void): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await sink.count();
    onPoll?.();
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
  // Everyone also signed a live campaign (the mailing lists it among the others). Without a signature the
  // worker's retention purge erases a list-only subscriber at start: see the report of decision 0020.
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
    select ${campaignId}, id, locale, '', '', 'confirmed', created_at, created_at from supporters`.execute(
    db.kysely,
  );
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
}

/** Our worker sends the mailing; measured until `until` messages arrived (all of them by default). */
async function ours(n: number, dkimKey: string | undefined, until = n): Promise<Measured> {
  const { url, mailingId } = await prefill(n);
  await sink.reset();
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
      BENCH_MEMORY_LOG: process.env.BENCH_MEMORY_LOG ?? '',
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
    const rate = await waitForCount(until, 3_600_000);
    result = { rate, rssMb: peakRssMb(app.pid) };
  } finally {
    await app.stop();
  }
  await sink.checkExactlyOnce(until, 'ours', { atLeast: true });
  await checkTable(url, mailingId);
  return result;
}

/** The same messages through nodemailer's pooled transport, `connections × 2` in flight at a time. */
async function bare(n: number, dkimKey: string | undefined): Promise<number> {
  await sink.reset();
  const transporter = bareTransporter(smtpPort, connections, dkimKey);
  const compiled = new Map(
    await Promise.all(
      locales.map(
        async (locale) =>
          [
            locale,
            await compileMailing({
              mailingId: 1,
              locale,
              textLocale: translations[locale] ? locale : 'en',
              ...(translations[locale] ?? texts('en')),
              otherCampaigns: [],
              site,
            }),
          ] as const,
      ),
    ),
  );
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < n; i = next++) {
      const s = subscriber(i);
      const mail = mailingMessage(
        compiled.get(s.locale)!,
        { id: i + 1, mailingId: 1, supporterId: i + 1, attempts: 0, ...s },
        site,
      );
      await transporter.sendMail(toNodemailerMessage(mail));
    }
  };
  await Promise.all(Array.from({ length: connections * 2 }, worker));
  transporter.close();
  const rate = await waitForCount(n, 60_000);
  await sink.checkExactlyOnce(n, 'bare');
  return rate;
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
const rows: Row[] = [];
try {
  const bareRate = await bare(total, dkimKey);
  const small = await ours(total, dkimKey);
  const fmt = (r: number) => `${Math.round(r).toLocaleString('en')} msg/s`;
  const what = `${locales.length} languages, ${domains} domains, ${connections} connections${signed ? ', RSA-2048 DKIM' : ', no DKIM'}`;
  rows.push({
    scenario: `mailing ${total.toLocaleString('en')}`,
    ours: fmt(small.rate),
    baseline: fmt(bareRate),
    ratio: ratio(small.rate, bareRate),
    notes: `${what}; app peak RSS ${small.rssMb ?? '?'} MB; each arrived once, table agrees`,
  });
  console.log(header());
  printTable(rows);
  if (big > 0) {
    const large = await ours(big, dkimKey, Math.min(big, total));
    rows.push({
      scenario: `mailing ${big.toLocaleString('en')} (first ${Math.min(big, total).toLocaleString('en')})`,
      ours: fmt(large.rate),
      baseline: fmt(bareRate),
      ratio: ratio(large.rate, bareRate),
      notes: `queue on disk, claimed in pages; app peak RSS ${large.rssMb ?? '?'} MB (vs ${small.rssMb ?? '?'} MB)`,
    });
    printTable(rows);
  }
} finally {
  await sinkProcess.stop();
}
process.exit(0);
