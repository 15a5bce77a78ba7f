// `npm run bench:mail`: 20,000 target messages queued in a fresh database, drained by the built app's
// worker (production mode, its own process) to an SMTP sink in a third process, without DKIM and with RSA
// DKIM; in the same run a bare nodemailer pooled loop sends the same number of messages of the same shape
// over the same number of connections. Rates are measured at the sink, first message to last; CPU per
// message is the sending process's (all its threads) over the same span. Every run is checked: each
// message arrived exactly once, and for ours the table says `sent` for every one of them.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { DataVault } from '../src/security/data-keys.js';
import { blindIndex } from '../test/blind-index.js';
import { bareTransporter } from './lib/bare-nodemailer.js';
import {
  benchDataKey,
  benchLogKey,
  cpuSeconds,
  peakRssMb,
  type Started,
  startProcess,
} from './lib/processes.js';
import { sinkClient } from './lib/sink-client.js';
import { type Row, ratio } from './lib/table.js';

const total = Number(process.env.BENCH_MAIL_MESSAGES ?? 20_000);
const connections = 10;
const targetsCount = 20;
const domains = 10;
const smtpPort = 32_525;
const sinkHttpPort = 32_526;
const appPort = 32_527;

const body = `Dear Minister,

I am writing to demand the immediate release of Erlan Baltabay, chairman of the Independent Trade Union of
Fuel and Energy Industry Workers, and an end to the persecution of independent trade unions in Kazakhstan.

Kazakhstan has ratified ILO Convention 87 on freedom of association.

Maria Santos
KMU
Philippines
`;

const sink = sinkClient(sinkHttpPort);

interface Drained {
  rate: number;
  /** CPU per message of the sending process, all its threads, while messages were arriving (µs). */
  cpuUsPerMessage: number | undefined;
  /** CPU per message of the sink, from its reset to the last message (µs): the rest of the machine. */
  sinkUsPerMessage?: number | undefined;
}

/** The sink process, for its CPU time. */
let sinkPid = 0;

/** Empties the sink; returns a function that gives its CPU per message since then. */
async function resetSink(): Promise<() => number | undefined> {
  await sink.reset();
  const start = cpuSeconds(sinkPid);
  return () => {
    const end = cpuSeconds(sinkPid);
    return start === undefined || end === undefined ? undefined : ((end - start) / total) * 1e6;
  };
}

/**
 * Waits until the sink has `n` messages. `cpu` reads the sender's CPU seconds so far: sampled at the first
 * poll that sees a message and at the end, so start-up and idle time stay out of the figure.
 */
async function waitForCount(n: number, timeoutMs: number, cpu?: () => number | undefined): Promise<Drained> {
  const deadline = Date.now() + timeoutMs;
  let start: { cpu: number; count: number } | undefined;
  for (;;) {
    const c = await sink.count();
    const used = cpu?.();
    if (start === undefined && c.count > 0 && used !== undefined) start = { cpu: used, count: c.count };
    if (c.count >= n) {
      const cpuUsPerMessage =
        start && used !== undefined && c.count > start.count
          ? ((used - start.cpu) / (c.count - start.count)) * 1e6
          : undefined;
      return { rate: c.count / c.seconds, cpuUsPerMessage };
    }
    if (Date.now() > deadline)
      throw new Error(`sink got ${c.count} of ${n} messages in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Throws unless every message row is `sent` and the sink received exactly the rows' Message-IDs. */
async function checkTable(url: string): Promise<void> {
  const db = openDb({ url, vault: DataVault.fromText(benchDataKey) });
  try {
    const rows = await db.kysely.selectFrom('messages').select(['status', 'message_id_header']).execute();
    const notSent = rows.filter((r) => r.status !== 'sent').length;
    const arrived = new Set(await sink.ask<string[]>('/ids/all'));
    const missing = rows.filter((r) => !arrived.has(r.message_id_header ?? '')).length;
    if (rows.length !== total || notSent > 0 || missing > 0 || arrived.size !== total) {
      throw new Error(
        `ours: ${rows.length} rows, ${notSent} not sent, ${missing} rows whose Message-ID never arrived, ` +
          `${arrived.size} distinct arrivals`,
      );
    }
  } finally {
    await db.close();
  }
}

/** A fresh SQLite database with one campaign, 20 uncapped addresses on 10 domains and `total` messages. */
async function prefill(): Promise<string> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-bench-mail-')), 'mail.db')}`;
  const db = openDb({ url, vault: DataVault.fromText(benchDataKey) });
  const migrated = await migrateToLatest(db);
  if (migrated.error) throw migrated.error;
  const now = Date.now();
  const campaignId = await new CampaignRepository(db).create(
    {
      slug: 'kazakhstan-free-erlan-baltabay',
      status: 'live',
      sourceLocale: 'en',
      translations: [
        {
          locale: 'en',
          status: 'published',
          headline: 'Kazakhstan: free jailed union leader Erlan Baltabay',
          backgroundMd: 'Erlan Baltabay is in prison for his union work.',
          defaultMessage: body,
          targetSubject: 'Free Erlan Baltabay',
          outcomeMd: null,
        },
      ],
      partners: [],
      targets: Array.from({ length: targetsCount }, (_, i) => ({
        kind: 'copy' as const,
        name: `Office ${i}`,
        organisation: null,
        email: `office${i}@d${i % domains}.example.org`,
        locale: 'en',
      })),
    },
    now,
  );
  const targets = await db.kysely
    .selectFrom('targets')
    .select('id')
    .where('campaign_id', '=', campaignId)
    .execute();
  const signatures = Math.ceil(total / targets.length);
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < signatures; i++) {
      const email = `supporter${i}@example.net`;
      const { id: supporterId } = await trx
        .insertInto('supporters')
        .values({
          email,
          email_index: blindIndex(email),
          name: `Supporter ${i}`,
          locale: 'en',
          status: 'active',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const { id: signatureId } = await trx
        .insertInto('signatures')
        .values({
          campaign_id: campaignId,
          supporter_id: supporterId,
          locale: 'en',
          name: `Supporter ${i}`,
          union_name: 'KMU',
          country: 'PH',
          message: body,
          status: 'confirmed',
          created_at: now,
          confirmed_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const rows = targets.slice(0, Math.min(targets.length, total - i * targets.length)).map((t) => ({
        signature_id: signatureId,
        target_id: t.id,
        campaign_id: campaignId,
        status: 'queued',
        created_at: now,
      }));
      if (rows.length > 0) await trx.insertInto('messages').values(rows).execute();
    }
  });
  await db.close();
  return url;
}

async function ours(dkimKey: string | undefined): Promise<Drained & { rssMb: number | undefined }> {
  const url = await prefill();
  const sinkCpu = await resetSink();
  const app: Started = await startProcess(
    ['bin/outcry.mjs', 'start'],
    {
      NODE_ENV: 'production',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
      LOG_SIGNING_KEY: benchLogKey,
      DATA_KEY: benchDataKey,
      HOST: '127.0.0.1',
      PORT: String(appPort),
      DATABASE_URL: url,
      MIGRATE_ON_START: 'true',
      ROLES: 'web,worker',
      LOG_LEVEL: 'warn',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'campaigns@outcry.example.org',
      DELIVERY_CONNECTIONS: String(connections),
      ...(dkimKey ? { DKIM_SELECTOR: 'bench', DKIM_PRIVATE_KEY: dkimKey } : {}),
    },
    '/healthz',
    appPort,
  );
  let result: Drained & { rssMb: number | undefined };
  try {
    const drained = await waitForCount(total, 300_000, () => cpuSeconds(app.pid));
    result = { ...drained, sinkUsPerMessage: sinkCpu(), rssMb: peakRssMb(app.pid) };
  } finally {
    await app.stop();
  }
  await sink.checkExactlyOnce(total, 'ours');
  await checkTable(url);
  return result;
}

async function bare(dkimKey: string | undefined): Promise<Drained> {
  const sinkCpu = await resetSink();
  const cpuAtStart = process.cpuUsage();
  const cpu = () => {
    const used = process.cpuUsage(cpuAtStart);
    return (used.user + used.system) / 1e6;
  };
  const transporter = bareTransporter(smtpPort, connections, dkimKey);
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    sends.push(
      transporter.sendMail({
        from: { name: `Supporter ${i} via Outcry`, address: 'campaigns+kazakhstan@outcry.example.org' },
        to: {
          name: `Office ${i % targetsCount}`,
          address: `office${i % targetsCount}@d${i % domains}.example.org`,
        },
        replyTo: { name: `Supporter ${i}`, address: `supporter${i}@example.net` },
        subject: 'Free Erlan Baltabay',
        text: body,
        envelope: {
          from: `bounces+${i}-abcdefabcdef@outcry.example.org`,
          to: `office${i % targetsCount}@d${i % domains}.example.org`,
        },
      }),
    );
  }
  await Promise.all(sends);
  // Every send has been answered: the loop's whole CPU went into these messages.
  const cpuUsPerMessage = (cpu() / total) * 1e6;
  transporter.close();
  const drained = await waitForCount(total, 60_000);
  await sink.checkExactlyOnce(total, 'bare');
  return { ...drained, cpuUsPerMessage, sinkUsPerMessage: sinkCpu() };
}

export async function mailScenario(): Promise<Row[]> {
  const sinkProcess = await startProcess(
    ['--import', 'tsx', 'bench/lib/sink-server.ts', String(smtpPort), String(sinkHttpPort)],
    {},
    '/count',
    sinkHttpPort,
  );
  sinkPid = sinkProcess.pid;
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  try {
    const bareUnsigned = await bare(undefined);
    const oursUnsigned = await ours(undefined);
    const bareSigned = await bare(privateKey);
    const oursSigned = await ours(privateKey);
    const fmt = (n: number) => `${Math.round(n).toLocaleString('en')} msg/s`;
    const us = (n: number | undefined) => (n === undefined ? '?' : `${Math.round(n)}`);
    const cpu = (o: Drained, b: Drained) =>
      `CPU/msg ${us(o.cpuUsPerMessage)} µs (bare ${us(b.cpuUsPerMessage)} µs, sink ${us(o.sinkUsPerMessage)}/${us(b.sinkUsPerMessage)} µs)`;
    const notes = `${total.toLocaleString('en')} msgs, ${connections} connections, ${targetsCount} addresses on ${domains} domains, each arrived once`;
    return [
      {
        scenario: 'mail (no DKIM)',
        ours: fmt(oursUnsigned.rate),
        baseline: fmt(bareUnsigned.rate),
        ratio: ratio(oursUnsigned.rate, bareUnsigned.rate),
        notes: `${notes}; ${cpu(oursUnsigned, bareUnsigned)}; app peak RSS ${oursUnsigned.rssMb ?? '?'} MB`,
      },
      {
        scenario: 'mail (RSA-2048 DKIM)',
        ours: fmt(oursSigned.rate),
        baseline: fmt(bareSigned.rate),
        ratio: ratio(oursSigned.rate, bareSigned.rate),
        notes: `baseline signs with nodemailer's DKIM; ${cpu(oursSigned, bareSigned)}; app peak RSS ${oursSigned.rssMb ?? '?'} MB`,
      },
    ];
  } finally {
    await sinkProcess.stop();
  }
}
