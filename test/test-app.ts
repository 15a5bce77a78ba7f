// A real app over a real test database (SQLite, or PostgreSQL too), seeded with the demo campaigns.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { seedDemo } from '../src/cli/demo/seed.js';
import { type Config, loadConfig } from '../src/config/config.js';
import { DeliveryAlertReader } from '../src/db/delivery-alert.reader.js';
import type { Dialect } from '../src/db/dialect.js';
import { JobRepository } from '../src/db/job.repository.js';
import type { Clock } from '../src/domain/shared/clock.js';
import { buildApp } from '../src/http/app.js';
import type { BodyLimits } from '../src/http/middleware/request-body.js';
import type { LogDestination } from '../src/http/security/log-privacy.js';
import { jobHandlers } from '../src/jobs/tasks/index.js';
import { createWorker } from '../src/jobs/worker.js';
import { createSmtpTransport } from '../src/mail/smtp.transport.js';
import { createServices, type Services } from '../src/main.js';
import { DataVault } from '../src/security/data-keys.js';
import { createTestDb, type TestDb } from './db.js';
import { FakeClock } from './fake-clock.js';
import { type SmtpSink, startSmtpSink } from './smtp-sink.js';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  db: TestDb;
  config: Config;
  /** Closes what a test opened on this app (an SMTP sink, a dispatcher) before the app itself. */
  closeWith(close: () => Promise<void>): void;
  close(): Promise<void>;
}

export async function createTestApp(
  dialect: Dialect,
  env: Record<string, string> = {},
  {
    seed = true,
    clock,
    log,
    bodyLimits,
  }: {
    seed?: boolean;
    clock?: Clock;
    /** Receives the app's log lines (level info) when given. */
    log?: LogDestination;
    bodyLimits?: BodyLimits;
  } = {},
): Promise<TestApp> {
  // A test that runs a production command against this database gives a key of its own in DATA_KEY.
  const db = await createTestDb(dialect, env.DATA_KEY ? { vault: DataVault.fromText(env.DATA_KEY) } : {});
  // Uploads go to a folder of this test's own, removed on close.
  const uploads = await mkdtemp(join(tmpdir(), 'outcry-uploads-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    BASE_URL: 'https://outcry.example.org',
    UPLOAD_DIR: uploads,
    ...env,
  });
  const services = createServices(config, db, clock);
  if (seed) await seedDemo(services, Date.UTC(2026, 10, 20));
  const app = await buildApp({
    ...services,
    logger: log ? { level: 'info', stream: log } : false,
    ...(bodyLimits ? { bodyLimits } : {}),
  });
  await app.ready();
  const closers: (() => Promise<void>)[] = [];
  return {
    app,
    services,
    db,
    config,
    closeWith: (close) => void closers.push(close),
    async close() {
      for (const close of closers.splice(0).reverse()) await close();
      await app.close();
      services.live.close();
      await db.destroy();
      await rm(uploads, { recursive: true, force: true });
    },
  };
}

/** The seeded app (or a bare one) on a fresh fake clock: the setup most route and store tests begin with. */
export async function createClockedTestApp(
  dialect: Dialect,
  options: { seed?: boolean } = {},
): Promise<{ t: TestApp; clock: FakeClock }> {
  const clock = new FakeClock();
  return { t: await createTestApp(dialect, {}, { ...options, clock }), clock };
}

/** The real worker with the real job handlers, sending to a loopback SMTP sink; drain() runs due jobs. */
export async function startMailWorker(
  t: TestApp,
): Promise<{ sink: SmtpSink; drain(): Promise<number>; close(): Promise<void> }> {
  const sink = await startSmtpSink();
  const mail = createSmtpTransport(sink.url, { pool: false });
  const worker = createWorker({
    repo: new JobRepository(t.db),
    handlers: jobHandlers({
      mail,
      config: t.config,
      campaigns: t.services.campaigns,
      signatures: t.services.signatureStore,
      delivery: new DeliveryAlertReader(t.db),
      mailings: t.services.mailings,
      accounts: {
        store: t.services.accounts.store,
        clock: t.services.clock,
        tokens: t.services.accounts.tokens,
      },
    }),
    clock: t.services.clock,
  });
  return {
    sink,
    drain: () => worker.drain(),
    async close() {
      await worker.stop();
      await mail.close();
      await sink.close();
    },
  };
}
