// `npm run bench:mail`: 20,000 target messages queued in a fresh database, drained by the built app's
// worker (production mode, its own process) to an SMTP sink in a third process, without DKIM and with RSA
// DKIM; in the same run a bare nodemailer pooled loop sends the same number of messages of the same shape
// over the same number of connections. Rates are measured at the sink, first message to last.
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { CampaignRepository } from '../src/db/campaign.repository.js';
import { openDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { peakRssMb, type Started, startProcess } from './lib/processes.js';
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

async function sinkCount(path = '/count'): Promise<{ count: number; seconds: number }> {
  const res = await fetch(`http://127.0.0.1:${sinkHttpPort}${path}`);
  return (await res.json()) as { count: number; seconds: number };
}

async function waitForCount(n: number, timeoutMs: number): Promise<{ count: number; seconds: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const c = await sinkCount();
    if (c.count >= n) return c;
    if (Date.now() > deadline)
      throw new Error(`sink got ${c.count} of ${n} messages in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A fresh SQLite database with one campaign, 20 uncapped addresses on 10 domains and `total` messages. */
async function prefill(): Promise<string> {
  const url = `sqlite:${join(mkdtempSync(join(tmpdir(), 'outcry-bench-mail-')), 'mail.db')}`;
  const db = openDb({ url });
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
          email_canonical: email,
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

async function ours(dkimKey: string | undefined): Promise<{ rate: number; rssMb: number | undefined }> {
  const url = await prefill();
  await sinkCount('/reset');
  const app: Started = await startProcess(
    ['bin/outcry.mjs', 'start'],
    {
      NODE_ENV: 'production',
      APP_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
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
  try {
    const c = await waitForCount(total, 300_000);
    return { rate: c.count / c.seconds, rssMb: peakRssMb(app.pid) };
  } finally {
    await app.stop();
  }
}

async function bare(dkimKey: string | undefined): Promise<number> {
  await sinkCount('/reset');
  const transporter = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtpPort,
    secure: false,
    pool: true,
    maxConnections: connections,
    maxMessages: Number.POSITIVE_INFINITY,
    ...(dkimKey
      ? { dkim: { domainName: 'outcry.example.org', keySelector: 'bench', privateKey: dkimKey } }
      : {}),
  });
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
  transporter.close();
  const c = await waitForCount(total, 60_000);
  return c.count / c.seconds;
}

export async function mailScenario(): Promise<Row[]> {
  const sink = await startProcess(
    ['--import', 'tsx', 'bench/lib/sink-server.ts', String(smtpPort), String(sinkHttpPort)],
    {},
    '/count',
    sinkHttpPort,
  );
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
    const notes = `${total.toLocaleString('en')} msgs, ${connections} connections, ${targetsCount} addresses on ${domains} domains`;
    return [
      {
        scenario: 'mail (no DKIM)',
        ours: fmt(oursUnsigned.rate),
        baseline: fmt(bareUnsigned),
        ratio: ratio(oursUnsigned.rate, bareUnsigned),
        notes: `${notes}; app peak RSS ${oursUnsigned.rssMb ?? '?'} MB`,
      },
      {
        scenario: 'mail (RSA-2048 DKIM)',
        ours: fmt(oursSigned.rate),
        baseline: fmt(bareSigned),
        ratio: ratio(oursSigned.rate, bareSigned),
        notes: `baseline signs with nodemailer's DKIM; app peak RSS ${oursSigned.rssMb ?? '?'} MB`,
      },
    ];
  } finally {
    await sink.stop();
  }
}
