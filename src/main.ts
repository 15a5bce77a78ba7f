// The composition root, with services.ts (which builds the adapters behind every port): the only place that
// picks concrete adapters (database, mail transport, clock, password hashing, tokens) and wires them into the
// web and worker roles and every command-line command, which get their services as parameters. `main(argv)`
// is what bin/outcry.mjs calls.

import type { FastifyInstance } from 'fastify';
import { type Config, loadConfig, serverConfig } from './config/config.js';
import { privacyRetention } from './config/settings.js';
import { CampaignRequestRepository } from './db/campaign-request.repository.js';
import { type Db, openDb } from './db/database.js';
import { DeliveryAlertReader } from './db/delivery-alert.reader.js';
import { DeliveryDispatchStore } from './db/delivery-dispatch.store.js';
import { JobRepository } from './db/job.repository.js';
import { MailingQueueStore } from './db/mailing-queue.store.js';
import { migrateToLatest, pendingMigrations } from './db/migrate.js';
import { systemClock } from './domain/shared/clock.js';
import { toHex } from './domain/signature-log/merkle.js';
import { buildApp } from './http/app.js';
import { overrideLayerFor, withCorrections } from './i18n/override-layer.js';
import { translatorFor } from './i18n/translator.js';
import { createDispatcher, type Dispatcher } from './jobs/delivery/dispatcher.js';
import { createMailingSender, type MailingSender } from './jobs/mailing/sender.js';
import { recurringHandlers, scheduleRecurring } from './jobs/recurring.js';
import type { SendLoopOptions } from './jobs/send-loop.js';
import { signatureLogJobs } from './jobs/tasks/append-signature-log.task.js';
import { dossierHandlers, dossierPurgeJobs } from './jobs/tasks/build-dossier.task.js';
import { campaignLifecycleJobs } from './jobs/tasks/campaign-lifecycle.task.js';
import { jobHandlers } from './jobs/tasks/index.js';
import { signatureMaintenance } from './jobs/tasks/maintain-signatures.task.js';
import { jobPurge } from './jobs/tasks/purge-jobs.task.js';
import { retentionJobs } from './jobs/tasks/purge-retention.task.js';
import { translatorBulletinJobs } from './jobs/tasks/send-translator-bulletins.task.js';
import { scheduledMailingJobs } from './jobs/tasks/start-scheduled-mailings.task.js';
import { createWorker } from './jobs/worker.js';
import { type BounceListener, startBounceListener } from './mail/bounce-smtp.js';
import type { RefusalLogger } from './mail/smtp.transport.js';
import type { MailTransport } from './mail/transport.js';
import { zipArchive } from './pdf/zip.js';
import { DataVault } from './security/data-keys.js';
import { erasedEmailKey } from './security/email-key.js';
import { logSigningKey } from './security/log-signing-key.js';
import { createMailTransport, createServices, dkimKeys, type Services, servicesFor } from './services.js';

export interface Running {
  readonly config: Config;
  readonly db: Db;
  readonly url: string;
  readonly app: FastifyInstance | undefined;
  readonly services: Services;
  readonly worker: ReturnType<typeof createWorker> | undefined;
  /** The SMTP listener for bounces (worker role, when BOUNCE_SMTP_PORT is set). */
  readonly bounceListener: BounceListener | undefined;
  stop(): Promise<void>;
}

// Re-exported: bin/outcry.mjs, the tests and scripts reach the composition through this module.
export { createMailTransport, createServices, dkimKeys, type Services, servicesFor };

/** The configured database, its personal fields sealed and indexed with the configured keys. */
function openConfiguredDb(config: Config): Db {
  return openDb({ url: config.DATABASE_URL, vault: DataVault.fromText(config.DATA_KEY, config.INDEX_KEY) });
}

/** A command's work on the configured database, which is closed afterwards whatever happened. */
async function onConfiguredDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = openConfiguredDb(loadConfig());
  try {
    return await run(db);
  } finally {
    await db.close();
  }
}

/** Opens the database, checks migrations, and starts the configured roles. */
export async function startOutcry(config: Config, options: { quiet?: boolean } = {}): Promise<Running> {
  const db = openConfiguredDb(config);
  try {
    if (config.MIGRATE_ON_START) {
      const { error } = await migrateToLatest(db);
      if (error) throw error;
    } else {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) {
        throw new Error(
          `The database has ${pending.length} pending migration(s) (${pending.join(', ')}). Run \`npm run db:migrate\` first, or set MIGRATE_ON_START=true.`,
        );
      }
    }
  } catch (error) {
    await db.close();
    throw error;
  }

  const clock = systemClock;
  let app: FastifyInstance | undefined;
  // Refused recipients are logged by the web role's logger, once there is one.
  const refusals: RefusalLogger = { info: (obj, msg) => app?.log.info(obj, msg) };
  const mail = createMailTransport(config, 5, refusals);
  const services = createServices(config, db, clock);
  const jobs = new JobRepository(db);

  let url = config.BASE_URL;
  if (config.ROLES.includes('web')) {
    app = await buildApp({ ...services, logger: options.quiet ? false : { level: config.LOG_LEVEL } });
    const address = await app.listen({ host: config.HOST, port: config.PORT });
    if (config.PORT === 0) url = address;
  }

  let worker: ReturnType<typeof createWorker> | undefined;
  let dispatcher: Dispatcher | undefined;
  let deliveryMail: MailTransport | undefined;
  let mailingSender: MailingSender | undefined;
  let mailingMail: MailTransport | undefined;
  let bounceListener: BounceListener | undefined;
  if (config.ROLES.includes('worker')) {
    // The worker's parts log through the web app's logger when this process serves the site too.
    const logged = app ? { logger: app.log } : {};
    if (config.BOUNCE_SMTP_PORT !== undefined) {
      try {
        bounceListener = await startBounceListener(
          {
            bounces: services.bounces,
            supporterMail: services.supporterMail,
            clock,
            secret: config.APP_SECRET,
            ...logged,
          },
          { port: config.BOUNCE_SMTP_PORT, host: config.BOUNCE_SMTP_HOST },
        );
      } catch (error) {
        await app?.close();
        services.live.close();
        await mail.close();
        await db.close();
        throw error;
      }
    }
    const maintenance = [
      ...signatureMaintenance({
        signatures: services.signatureStore,
        requests: new CampaignRequestRepository(db),
        clock,
        confirmExpiryMs: config.CONFIRM_EXPIRY_DAYS * 86_400_000,
        networkRetentionMs: config.IP_HASH_RETENTION_DAYS * 86_400_000,
        ...logged,
      }),
      ...campaignLifecycleJobs({
        campaigns: services.lifecycle,
        clock,
        dossierRetentionDays: services.dossiers.retentionDays,
        config,
        ...logged,
      }),
      ...jobPurge({
        jobs,
        clock,
        retentionMs: config.JOB_RETENTION_DAYS * 86_400_000,
        ...logged,
      }),
      ...scheduledMailingJobs({ mailings: services.mailings, clock, ...logged }),
      ...dossierPurgeJobs({
        dossiers: services.dossiers.store,
        clock,
        ...logged,
      }),
      ...retentionJobs({
        store: services.privacy.store,
        retention: () => services.settings.get(privacyRetention, clock.now()),
        clock,
        keyedHash: (canonical) => erasedEmailKey(config.APP_SECRET, canonical),
        ...logged,
      }),
      ...signatureLogJobs({
        log: services.signatureLog,
        clock,
        signingKey: logSigningKey(config),
        ...logged,
      }),
      ...translatorBulletinJobs({
        translations: services.translations,
        bulletins: services.translatorBulletins,
        clock,
        config,
        ...logged,
      }),
    ];
    await scheduleRecurring(jobs, maintenance, clock.now());
    worker = createWorker({
      repo: jobs,
      // Mails are written with the interface strings volunteers corrected (decision 0036).
      handlers: withCorrections(overrideLayerFor(services.interfaceStrings), {
        ...jobHandlers({
          mail,
          config,
          campaigns: services.campaigns,
          signatures: services.signatureStore,
          delivery: new DeliveryAlertReader(db),
          mailings: services.mailings,
          accounts: { store: services.accounts.store, clock, tokens: services.accounts.tokens },
        }),
        ...dossierHandlers({
          dossiers: services.dossiers.store,
          campaigns: services.previewCampaigns,
          exporter: services.petition,
          renderer: services.dossierRenderer,
          archive: zipArchive,
          clock,
          verification: async (campaignId, locale) => {
            const head = await services.signatureLog.latestHead(campaignId);
            if (!head) return undefined;
            const tr = translatorFor(locale);
            return {
              label: `${tr.t('verification.line', { count: head.size, date: tr.date(head.timestamp) })} · ${config.BASE_URL}/${tr.locale}/verify`,
              code: toHex(head.root),
            };
          },
        }),
        ...recurringHandlers(jobs, clock, maintenance),
      }),
      clock,
      concurrency: config.WORKER_CONCURRENCY,
      pollMs: config.WORKER_POLL_MS,
      ...logged,
    });
    worker.start();
    // What the two send loops take alike (jobs/send-loop.ts); each has a transport of its own.
    const sendLoop = (transport: MailTransport): SendLoopOptions => ({
      transport,
      clock,
      connections: config.DELIVERY_CONNECTIONS,
      ...logged,
    });
    deliveryMail = createMailTransport(config, config.DELIVERY_CONNECTIONS, refusals);
    dispatcher = createDispatcher({
      ...sendLoop(deliveryMail),
      store: new DeliveryDispatchStore(db),
      campaigns: services.campaigns,
      site: { name: config.SITE_NAME, mailFrom: config.MAIL_FROM, secret: config.APP_SECRET },
      policy: {
        domainConcurrency: config.DELIVERY_DOMAIN_CONCURRENCY,
        giveUpAfterMs: config.DELIVERY_GIVE_UP_DAYS * 86_400_000,
      },
    });
    dispatcher.start();
    // Supporter mailings on connections of their own, so a big mailing never holds up target letters.
    mailingMail = createMailTransport(config, config.DELIVERY_CONNECTIONS, refusals);
    mailingSender = createMailingSender({
      ...sendLoop(mailingMail),
      store: new MailingQueueStore(db),
      site: {
        name: config.SITE_NAME,
        baseUrl: config.BASE_URL,
        mailFrom: config.MAIL_FROM,
        secret: config.APP_SECRET,
      },
      defaultRate: config.MAILING_RATE,
      policy: { domainConcurrency: config.DELIVERY_DOMAIN_CONCURRENCY },
    });
    mailingSender.start();
  }

  let stopped = false;
  return {
    config,
    db,
    url,
    app,
    services,
    worker,
    bounceListener,
    async stop() {
      if (stopped) return;
      stopped = true;
      await app?.close();
      await worker?.stop();
      await services.dossierRenderer.close();
      await dispatcher?.stop();
      await mailingSender?.stop();
      await bounceListener?.close();
      services.live.close();
      await mail.close();
      await deliveryMail?.close();
      await mailingMail?.close();
      await db.close();
    },
  };
}

const usage = `Usage: outcry <command>

Commands:
  demo            SQLite in data/demo.db, captured mail, demo campaigns, web + worker in one process
  start           production start (NODE_ENV defaults to production; APP_SECRET required): roles from
                  ROLES (web,worker); needs migrations applied
  migrate         apply pending database migrations
  rollback        undo the newest migration
  keys            keys rotate: seal personal data again under the newest DATA_KEY key (resumable, safe
                  while the site runs); keys reindex: address indexes under the first INDEX_KEY key;
                  keys status: values per key
  create-admin    create (or reset) an admin account: create-admin <email> [name]
  bounce          record one bounce read from standard input (a mail server's pipe): bounce [recipient]
  verify-export   check an editors' CSV export of signers against the published tree heads: verify-export FILE
  help            this text

Configuration comes from environment variables; see .env.example.`;

export async function main(argv: string[]): Promise<void> {
  const [command = 'help', ...args] = argv;
  switch (command) {
    case 'demo': {
      const { demoEnvironment, runDemo } = await import('./cli/demo.js');
      const config = loadConfig(demoEnvironment(args, process.env));
      const running = await startOutcry(config, { quiet: !args.includes('--verbose') });
      stopOnSignals(running);
      return runDemo(running.services, running.url, args);
    }
    case 'start': {
      const running = await startOutcry(serverConfig(process.env));
      stopOnSignals(running);
      return;
    }
    case 'migrate':
    case 'rollback': {
      const { runMigrate } = await import('./cli/migrate.js');
      return onConfiguredDb((db) => runMigrate(db, command === 'rollback' ? 'down' : 'latest'));
    }
    case 'keys': {
      const { runKeys } = await import('./cli/keys.js');
      await onConfiguredDb(async (db) => {
        process.exitCode = await runKeys(args, db, { out: console.log, err: console.error });
      });
      return;
    }
    case 'create-admin': {
      const { runCreateAdmin } = await import('./cli/create-admin.js');
      const config = loadConfig();
      return runCreateAdmin(args, process.env, servicesFor(config));
    }
    case 'bounce': {
      const { processIo, runBounce } = await import('./cli/bounce.js');
      process.exitCode = await runBounce(args, processIo(), servicesFor);
      return;
    }
    case 'verify-export': {
      const { runVerifyExport } = await import('./cli/verify-export.js');
      const { publishedKey } = await import('./security/log-signing-key.js');
      const config = loadConfig();
      const io = { out: (l: string) => console.log(l), err: (l: string) => console.error(l) };
      const key = publishedKey(logSigningKey(config)).key;
      process.exitCode = await runVerifyExport(args, io, servicesFor(config), key);
      return;
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(usage);
      return;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      process.exitCode = 1;
  }
}

/** Graceful shutdown: stop accepting requests, let in-flight jobs finish, close the database. */
export function stopOnSignals(running: Running): void {
  const stop = (signal: string) => {
    console.log(`\n${signal} received: shutting down…`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
