// The adapters behind every port, built once per database: the services the web and worker roles, every
// command and the tests' app are given (main.ts, the composition root, starts the roles with them), and the
// mail transport chosen by config.

import type { WithServices } from './cli/services.js';
import type { Config } from './config/config.js';
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
import { SignatureDeliveryReader } from './db/delivery-status.reader.js';
import { DossierRepository } from './db/dossier.store.js';
import { HeldSignatureRepository } from './db/held-signature.repository.js';
import { InterfaceOverrideRepository } from './db/interface-override.repository.js';
import { ListAdminRepository } from './db/list-admin.repository.js';
import { ListMemberRepository } from './db/list-member.repository.js';
import { MailingRepository } from './db/mailing.repository.js';
import { MailingTranslationRepository } from './db/mailing-translation.repository.js';
import { pendingMigrations } from './db/migrate.js';
import { PartnerAgeKeyRepository } from './db/partner-age-key.repository.js';
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
import { KyselyTranslationClaimStore } from './db/translation-claim.store.js';
import { TranslationMemoryRepository } from './db/translation-memory.repository.js';
import { TranslatorApplicationRepository } from './db/translator-application.repository.js';
import { TranslatorBulletinRepository } from './db/translator-bulletin.repository.js';
import { UserRepository } from './db/user.repository.js';
import { requestRateLimits } from './domain/campaign-request/submit-request.js';
import { signupRateLimits } from './domain/list/subscribe.js';
import { myDataRateLimits } from './domain/privacy/request-my-data.js';
import { type Clock, systemClock } from './domain/shared/clock.js';
import { applicationRateLimits } from './domain/translator-application/apply-as-translator.js';
import type { AppDeps } from './http/app.js';
import { LiveCounters } from './http/live/live-counters.js';
import { translatorFor } from './i18n/translator.js';
import { createCaptureTransport } from './mail/capture.transport.js';
import type { DkimKey } from './mail/mime.js';
import { createSmtpTransport, type RefusalLogger } from './mail/smtp.transport.js';
import type { MailTransport } from './mail/transport.js';
import { createSharpImageStore } from './media/sharp-image-store.js';
import { ChromiumDossierRenderer } from './pdf/chromium-renderer.js';
import { confirmationTokens, secretTokens } from './security/confirmation-token.js';
import { DataVault } from './security/data-keys.js';
import { argon2Passwords, generatePassword } from './security/password.js';
import { MemoryRateLimiter } from './security/rate-limiter.js';

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
  const writer = new BatchedSignatureWriter(db, {
    maxQueue: config.SIGN_QUEUE_MAX,
    onCommit: notify,
  });
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
    partnerAgeKeys: new PartnerAgeKeyRepository(db),
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
    // Volunteers' corrections of interface strings, laid over the shipped catalogs (decision 0036).
    interfaceStrings: new InterfaceOverrideRepository(db),
    // The translators' daily bulletin: its watermark and the account setting that turns it off.
    translatorBulletins: new TranslatorBulletinRepository(db),
    // Claims on a campaign's language: who said "I'll translate this" (decision 0042).
    translationClaims: new KyselyTranslationClaimStore(db),
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
    // Volunteers' applications from "Help translate" (decision 0038), with the form's own low limits.
    translatorApplications: {
      store: new TranslatorApplicationRepository(db),
      rateLimiter: new MemoryRateLimiter(async () => applicationRateLimits),
    },
  };
}

/**
 * A command's services over the configured database, built once it is migrated, for the length of its
 * work. Closing afterwards may fail on a database that was never reachable; the work has succeeded or
 * failed on its own by then.
 */
export function servicesFor(config: Config): WithServices<Services> {
  return async (work, notMigrated) => {
    const db = openDb({
      url: config.DATABASE_URL,
      vault: DataVault.fromText(config.DATA_KEY, config.INDEX_KEY),
    });
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
