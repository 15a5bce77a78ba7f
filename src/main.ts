// The composition root: the only place that picks concrete adapters (database, mail transport, clock,
// password hashing, tokens) and wires them into the web and worker roles and every command-line command,
// which get their services as parameters. `main(argv)` is what bin/outcry.mjs calls.

import type { FastifyInstance } from 'fastify';
import type { WithServices } from './cli/services.js';
import { type Config, loadConfig, serverConfig } from './config/config.js';
import { dossierRetention, privacyRetention, signingRateLimits } from './config/settings.js';
import { accountAdapters } from './db/account.store.js';
import { AccountScopeRepository } from './db/account-scope.repository.js';
import { BounceRepository } from './db/bounce.repository.js';
import { CachedCampaignReader } from './db/cached-campaign.reader.js';
import { CampaignRepository } from './db/campaign.repository.js';
import { CampaignDraftRepository } from './db/campaign-draft.repository.js';
import { CampaignEditorRepository } from './db/campaign-editor.repository.js';
import { CampaignLifecycleRepository } from './db/campaign-lifecycle.repository.js';
import { CampaignRequestRepository } from './db/campaign-request.repository.js';
import { campaignRoster } from './db/campaign-roster.repository.js';
import { DashboardRepository } from './db/dashboard.repository.js';
import { type Db, openDb } from './db/database.js';
import { DeliveryAdminRepository } from './db/delivery-admin.repository.js';
import { DeliveryAlertReader } from './db/delivery-alert.reader.js';
import { DeliveryDispatchStore } from './db/delivery-dispatch.store.js';
import { SignatureDeliveryReader } from './db/delivery-status.reader.js';
import { DossierRepository } from './db/dossier.store.js';
import { HeldSignatureRepository } from './db/held-signature.repository.js';
import { JobRepository } from './db/job.repository.js';
import { ListAdminRepository } from './db/list-admin.repository.js';
import { ListMemberRepository } from './db/list-member.repository.js';
import { MailingRepository } from './db/mailing.repository.js';
import { MailingQueueStore } from './db/mailing-queue.store.js';
import { MailingTranslationRepository } from './db/mailing-translation.repository.js';
import { migrateToLatest, pendingMigrations } from './db/migrate.js';
import { PartnerReportRepository } from './db/partner-report.repository.js';
import { PetitionStore } from './db/petition.store.js';
import { PrivacyRepository } from './db/privacy.repository.js';
import { SettingsRepository } from './db/settings.repository.js';
import { SignatureRepository } from './db/signature.repository.js';
import { BatchedSignatureWriter } from './db/signature.writer.js';
import { SignatureLogRepository } from './db/signature-log.repository.js';
import { StatisticsRepository } from './db/statistics.repository.js';
import { SupporterMailOutcomeWriter } from './db/supporter-mail-outcome.writer.js';
import { TranslationRepository } from './db/translation.repository.js';
import { TranslationMemoryRepository } from './db/translation-memory.repository.js';
import { UserRepository } from './db/user.repository.js';
import { requestRateLimits } from './domain/campaign-request/submit-request.js';
import { signupRateLimits } from './domain/list/subscribe.js';
import { myDataRateLimits } from './domain/privacy/request-my-data.js';
import { type Clock, systemClock } from './domain/shared/clock.js';
import { toHex } from './domain/signature-log/merkle.js';
import { type AppDeps, buildApp } from './http/app.js';
import { LiveCounters } from './http/live/live-counters.js';
import { translatorFor } from './i18n/translator.js';
import { createDispatcher, type Dispatcher } from './jobs/delivery/dispatcher.js';
import { createMailingSender, type MailingSender } from './jobs/mailing/sender.js';
import { recurringHandlers, scheduleRecurring } from './jobs/recurring.js';
import { signatureLogJobs } from './jobs/tasks/append-signature-log.task.js';
import { dossierHandlers, dossierPurgeJobs } from './jobs/tasks/build-dossier.task.js';
import { campaignLifecycleJobs } from './jobs/tasks/campaign-lifecycle.task.js';
import { jobHandlers } from './jobs/tasks/index.js';
import { signatureMaintenance } from './jobs/tasks/maintain-signatures.task.js';
import { jobPurge } from './jobs/tasks/purge-jobs.task.js';
import { retentionJobs } from './jobs/tasks/purge-retention.task.js';
import { scheduledMailingJobs } from './jobs/tasks/start-scheduled-mailings.task.js';
import { createWorker } from './jobs/worker.js';
import { type BounceListener, startBounceListener } from './mail/bounce-smtp.js';
import { createCaptureTransport } from './mail/capture.transport.js';
import type { DkimKey } from './mail/mime.js';
import { createSmtpTransport, type RefusalLogger } from './mail/smtp.transport.js';
import type { MailTransport } from './mail/transport.js';
import { createSharpImageStore } from './media/sharp-image-store.js';
import { ChromiumDossierRenderer } from './pdf/chromium-renderer.js';
import { zipArchive } from './pdf/zip.js';
import { confirmationTokens, secretTokens } from './security/confirmation-token.js';
import { DataVault } from './security/data-keys.js';
import { erasedEmailKey } from './security/email-key.js';
import { logSigningKey } from './security/log-signing-key.js';
import { argon2Passwords, generatePassword } from './security/password.js';
import { MemoryRateLimiter } from './security/rate-limiter.js';

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

/** The DKIM key from config; the signing domain defaults to MAIL_FROM's. */
export function dkimKeys(config: Config): DkimKey[] {
  if (!config.DKIM_PRIVATE_KEY || !config.DKIM_SELECTOR) return [];
  const domainName = config.DKIM_DOMAIN ?? config.MAIL_FROM.slice(config.MAIL_FROM.lastIndexOf('@') + 1);
  return [{ domainName, keySelector: config.DKIM_SELECTOR, privateKey: config.DKIM_PRIVATE_KEY }];
}

export function createMailTransport(
  config: Config,
  maxConnections = 5,
  logger?: RefusalLogger,
): MailTransport {
  const dkim = dkimKeys(config);
  return config.SMTP_URL
    ? createSmtpTransport(config.SMTP_URL, {
        pool: true,
        maxConnections,
        dkim,
        buildThreads: config.MAIL_BUILD_THREADS,
        heloName: config.SMTP_HELO_NAME,
        ...(logger ? { logger } : {}),
      })
    : createCaptureTransport(config.MAIL_CAPTURE_DIR, { dkim });
}

export type Services = Omit<AppDeps, 'logger' | 'privacy'> & {
  privacy: AppDeps['privacy'] & { store: PrivacyRepository };
  signatureStore: SignatureRepository;
  writer: BatchedSignatureWriter;
  settings: SettingsRepository;
  /** Campaigns as stored, for the demo seeds. */
  campaignStore: CampaignRepository;
  /** Accounts made on the command line (create-admin, the demo's admin). */
  users: UserRepository;
  passwords: typeof argon2Passwords & { generate(): string };
  /** Bounces read by the pipe command and the SMTP listener. */
  bounces: BounceRepository;
  /** Bounces, complaints and mailto unsubscribes about supporter mail, from the same doors. */
  supporterMail: SupporterMailOutcomeWriter;
  /** The worker's PDF renderer (one Chromium, started on first use). */
  dossierRenderer: ChromiumDossierRenderer;
  /** The campaigns' signature logs and tree heads (decision 0031). */
  signatureLog: SignatureLogRepository;
};

/** The adapters behind every port, for one database: web, worker, every command, and the tests' app. */
export function createServices(config: Config, db: Db, clock: Clock = systemClock): Services {
  const store = new CampaignRepository(db);
  const campaigns = new CachedCampaignReader(store, () => clock.now());
  const settings = new SettingsRepository(db);
  const campaignRequests = new CampaignRequestRepository(db);
  const live = new LiveCounters((ids) => store.supporterTotals(ids), {
    // Other web processes commit too: with PostgreSQL, look for their signatures every second.
    ...(db.dialect === 'postgres' ? { pollMs: 1_000 } : {}),
  });
  const notify = (ids: number[]) => {
    campaigns.invalidateTotals(ids);
    live.notify(ids);
  };
  const writer = new BatchedSignatureWriter(db, { maxQueue: config.SIGN_QUEUE_MAX, onCommit: notify });
  const signatureStore = new SignatureRepository(db, notify);
  const passwords = { ...argon2Passwords, generate: generatePassword };
  const rateLimiter = new MemoryRateLimiter(() => settings.get(signingRateLimits, clock.now()));
  const privacyStore = new PrivacyRepository(db);
  const dossierRenderer = new ChromiumDossierRenderer(translatorFor);
  return {
    config,
    db,
    clock,
    campaigns,
    signatures: writer,
    writer,
    confirmer: signatureStore,
    signatureStore,
    deliveryStatus: new SignatureDeliveryReader(db),
    petition: new PetitionStore(db),
    dossiers: {
      store: new DossierRepository(db),
      renderer: dossierRenderer,
      retentionDays: async () => (await settings.get(dossierRetention, clock.now())).days,
    },
    dossierRenderer,
    deliveryAdmin: new DeliveryAdminRepository(db),
    // A status or date change shows on the public pages at once, not after the cache's time to live.
    lifecycle: new CampaignLifecycleRepository(db, (c) => campaigns.invalidateCampaign(c.slug)),
    drafts: new CampaignDraftRepository(db, (c) => campaigns.invalidateCampaign(c.slug)),
    // Requests have their own, much lower, limits than signing: a separate counter.
    campaignRequests: {
      requests: campaignRequests,
      terms: campaignRequests,
      rateLimiter: new MemoryRateLimiter(async () => requestRateLimits),
    },
    // Targets and partners are on the public page too: an edit shows there at once.
    roster: campaignRoster(db, (c) => campaigns.invalidateCampaign(c.slug)),
    partnerReports: new PartnerReportRepository(db),
    campaignEditor: new CampaignEditorRepository(db, (slugs) => {
      for (const slug of slugs) campaigns.invalidateCampaign(slug);
    }),
    // Previews read drafts and unpublished translations, never through the public cache.
    previewCampaigns: store,
    // A published translation (or a change to one) shows on the public page at once.
    translations: new TranslationRepository(db, (slug) => campaigns.invalidateCampaign(slug)),
    // Mailings' language versions; the sender reads the published ones through mailingVersions().
    mailingTranslations: new MailingTranslationRepository(db),
    translationMemory: new TranslationMemoryRepository(db),
    dashboard: {
      reader: new DashboardRepository(db),
      held: new HeldSignatureRepository(db, notify),
      tokens: confirmationTokens,
      signingLimits: () => settings.get(signingRateLimits, clock.now()),
      requests: { waiting: () => campaignRequests.countWaiting() },
    },
    rateLimiter,
    // The my-data link form has its own, low, limits (per network and per address).
    privacy: {
      store: privacyStore,
      rateLimiter: new MemoryRateLimiter(async () => myDataRateLimits),
      retention: {
        get: () => settings.get(privacyRetention, clock.now()),
        set: (value) => settings.set(privacyRetention, value, clock.now()),
      },
    },
    // The language lists as supporters see them; the sign-up form has its own, low, limits.
    lists: {
      store: new ListMemberRepository(db),
      rateLimiter: new MemoryRateLimiter(async () => signupRateLimits),
    },
    live,
    settings,
    accounts: { ...accountAdapters(db, config.APP_SECRET), passwords, tokens: secretTokens },
    tokens: confirmationTokens,
    scopes: new AccountScopeRepository(db),
    images: createSharpImageStore(config.UPLOAD_DIR),
    campaignStore: store,
    users: new UserRepository(db),
    passwords,
    bounces: new BounceRepository(db),
    mailings: new MailingRepository(db),
    listAdmin: new ListAdminRepository(db),
    statistics: new StatisticsRepository(db),
    supporterMail: new SupporterMailOutcomeWriter(db),
    signatureLog: new SignatureLogRepository(db, () => clock.now()),
  };
}

/**
 * A command's services over the configured database, built once it is migrated, for the length of its
 * work. Closing afterwards may fail on a database that was never reachable; the work has succeeded or
 * failed on its own by then.
 */
export function servicesFor(config: Config): WithServices<Services> {
  return async (work, notMigrated) => {
    const db = openDb({ url: config.DATABASE_URL, vault: DataVault.fromText(config.DATA_KEY) });
    try {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) return notMigrated(pending);
      const services = createServices(config, db);
      try {
        return await work(services);
      } finally {
        services.live.close();
      }
    } finally {
      await db.close().catch(() => {});
    }
  };
}

/** Opens the database, checks migrations, and starts the configured roles. */
export async function startOutcry(config: Config, options: { quiet?: boolean } = {}): Promise<Running> {
  const db = openDb({ url: config.DATABASE_URL, vault: DataVault.fromText(config.DATA_KEY) });
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
    if (config.BOUNCE_SMTP_PORT !== undefined) {
      try {
        bounceListener = await startBounceListener(
          {
            bounces: services.bounces,
            supporterMail: services.supporterMail,
            clock,
            secret: config.APP_SECRET,
            ...(app ? { logger: app.log } : {}),
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
        ...(app ? { logger: app.log } : {}),
      }),
      ...campaignLifecycleJobs({
        campaigns: services.lifecycle,
        clock,
        config,
        ...(app ? { logger: app.log } : {}),
      }),
      ...jobPurge({
        jobs,
        clock,
        retentionMs: config.JOB_RETENTION_DAYS * 86_400_000,
        ...(app ? { logger: app.log } : {}),
      }),
      ...scheduledMailingJobs({ mailings: services.mailings, clock, ...(app ? { logger: app.log } : {}) }),
      ...dossierPurgeJobs({
        dossiers: services.dossiers.store,
        clock,
        ...(app ? { logger: app.log } : {}),
      }),
      ...retentionJobs({
        store: services.privacy.store,
        retention: () => services.settings.get(privacyRetention, clock.now()),
        clock,
        keyedHash: (canonical) => erasedEmailKey(config.APP_SECRET, canonical),
        ...(app ? { logger: app.log } : {}),
      }),
      ...signatureLogJobs({
        log: services.signatureLog,
        clock,
        signingKey: logSigningKey(config),
        ...(app ? { logger: app.log } : {}),
      }),
    ];
    await scheduleRecurring(jobs, maintenance, clock.now());
    worker = createWorker({
      repo: jobs,
      handlers: {
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
      },
      clock,
      concurrency: config.WORKER_CONCURRENCY,
      pollMs: config.WORKER_POLL_MS,
      ...(app ? { logger: app.log } : {}),
    });
    worker.start();
    deliveryMail = createMailTransport(config, config.DELIVERY_CONNECTIONS, refusals);
    dispatcher = createDispatcher({
      store: new DeliveryDispatchStore(db),
      transport: deliveryMail,
      campaigns: services.campaigns,
      clock,
      site: { name: config.SITE_NAME, mailFrom: config.MAIL_FROM, secret: config.APP_SECRET },
      policy: {
        domainConcurrency: config.DELIVERY_DOMAIN_CONCURRENCY,
        giveUpAfterMs: config.DELIVERY_GIVE_UP_DAYS * 86_400_000,
      },
      connections: config.DELIVERY_CONNECTIONS,
      ...(app ? { logger: app.log } : {}),
    });
    dispatcher.start();
    // Supporter mailings on connections of their own, so a big mailing never holds up target letters.
    mailingMail = createMailTransport(config, config.DELIVERY_CONNECTIONS, refusals);
    mailingSender = createMailingSender({
      store: new MailingQueueStore(db),
      transport: mailingMail,
      clock,
      site: {
        name: config.SITE_NAME,
        baseUrl: config.BASE_URL,
        mailFrom: config.MAIL_FROM,
        secret: config.APP_SECRET,
      },
      defaultRate: config.MAILING_RATE,
      policy: { domainConcurrency: config.DELIVERY_DOMAIN_CONCURRENCY },
      connections: config.DELIVERY_CONNECTIONS,
      ...(app ? { logger: app.log } : {}),
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
                  while the site runs); keys status: values per key
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
      return runDemo(running.services, running.url);
    }
    case 'start': {
      const running = await startOutcry(serverConfig(process.env));
      stopOnSignals(running);
      return;
    }
    case 'migrate':
    case 'rollback': {
      const { runMigrate } = await import('./cli/migrate.js');
      const config = loadConfig();
      const db = openDb({ url: config.DATABASE_URL, vault: DataVault.fromText(config.DATA_KEY) });
      try {
        return await runMigrate(db, command === 'rollback' ? 'down' : 'latest');
      } finally {
        await db.close();
      }
    }
    case 'keys': {
      const { runKeys } = await import('./cli/keys.js');
      const config = loadConfig();
      const db = openDb({ url: config.DATABASE_URL, vault: DataVault.fromText(config.DATA_KEY) });
      try {
        process.exitCode = await runKeys(args, db, { out: console.log, err: console.error });
        return;
      } finally {
        await db.close();
      }
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
