// Builds the Fastify app from its dependencies (no globals), so tests get a real app through inject() and
// main.ts wires the concrete adapters. Security headers, body limits and the error sink are set here.

import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import { fastifyTrustProxy } from '../config/trust-proxy.js';
import type { Db } from '../db/database.js';
import type { AuditRecorder } from '../domain/account/account.ports.js';
import type { AccountScopeStore } from '../domain/account/account-scopes.js';
import type { CampaignLifecycleStore, CampaignReader } from '../domain/campaign/campaign.ports.js';
import type { PartnerStore, TargetStore } from '../domain/campaign/campaign-roster.ports.js';
import type { CampaignDraftStore } from '../domain/campaign/create-campaign.js';
import type { CampaignEditorStore, OldSlugReader } from '../domain/campaign/edit-campaign.js';
import type { CampaignRequestStore } from '../domain/campaign-request/campaign-request.ports.js';
import type { TermsStore } from '../domain/campaign-request/partnership-terms.js';
import type { DeliveryStatusReader } from '../domain/delivery/view-delivery-status.js';
import type { InterfaceOverrideStore } from '../domain/interface-strings/interface-strings.ports.js';
import type { ListStore } from '../domain/list/list.ports.js';
import type { ListAdminStore } from '../domain/list-admin/list-admin.ports.js';
import type { MailingStore, MailingVersionReader } from '../domain/mailing/mailing.ports.js';
import type { MailingTranslationStore } from '../domain/mailing-translation/mailing-translation.ports.js';
import type { PartnerAgeKeyStore } from '../domain/partner-report/partner-age-key.js';
import type { PartnerReportStore } from '../domain/partner-report/partner-report.ports.js';
import type { DossierRenderer, DossierStore } from '../domain/petition/dossier.js';
import type { PetitionExporter } from '../domain/petition/export-signers.js';
import type { PetitionModeration, PetitionReader } from '../domain/petition/petition.js';
import type { PrivacyStore } from '../domain/privacy/privacy.ports.js';
import type { Retention } from '../domain/privacy/purge-retention.js';
import type { Clock } from '../domain/shared/clock.js';
import type { ImageStore } from '../domain/shared/image.ports.js';
import type { SignDeps } from '../domain/signature/sign-campaign.js';
import type {
  RateLimiter,
  SignatureConfirmer,
  SignatureWriter,
} from '../domain/signature/signature.ports.js';
import type { SignatureLogStore } from '../domain/signature-log/signature-log.ports.js';
import type { StatisticsReader } from '../domain/statistics/statistics.ports.js';
import type {
  TranslationClaimStore,
  TranslationMemoryStore,
  TranslationStore,
} from '../domain/translation/translation.ports.js';
import type { TranslatorBulletinStore } from '../domain/translation/translator-bulletin.ports.js';
import type { TranslatorApplicationStore } from '../domain/translator-application/translator-application.ports.js';
import { interfaceCatalogs } from '../i18n/interface-catalogs.js';
import { overrideLayerFor } from '../i18n/override-layer.js';
import { addressTokens } from '../security/address-token.js';
import { logSigningKey, publishedKey } from '../security/log-signing-key.js';
import { counterRoutes } from './api/counter.route.js';
import { signatureLogApiRoutes } from './api/signature-log.route.js';
import { criticalCss } from './critical-css.js';
import { mailViewerRoutes } from './dev/mail.route.js';
import { campaignEditRoutes } from './editor/campaign-edit/campaign-edit.route.js';
import { campaignPreviewRoutes } from './editor/campaign-preview/campaign-preview.route.js';
import type { DashboardAdapters } from './editor/dashboard/home.route.js';
import { type DeliveryEditorDeps, deliveryEditorRoutes } from './editor/delivery/delivery.route.js';
import { type AccountAdapters, editorDeps } from './editor/deps.js';
import { editorRoutes } from './editor/editor-routes.js';
import { interfaceStringsRoutes } from './editor/interface-strings/interface-strings.route.js';
import { listsEditorRoutes } from './editor/lists/lists.route.js';
import { mailingsEditorRoutes } from './editor/mailings/mailings.route.js';
import { partnerEditorRoutes } from './editor/partners/partners.route.js';
import { dossierRoutes } from './editor/petition/dossier.route.js';
import { petitionEditorRoutes } from './editor/petition/petition-editor.route.js';
import { petitionExportRoutes } from './editor/petition/petition-export.route.js';
import { ageKeyRoutes } from './editor/report-links/age-keys.route.js';
import { reportLinkRoutes } from './editor/report-links/report-links.route.js';
import { privacySettingsRoutes } from './editor/settings/privacy-settings.route.js';
import { statisticsRoutes } from './editor/statistics/statistics.route.js';
import { supportersEditorRoutes } from './editor/supporters/supporters.route.js';
import { targetEditorRoutes } from './editor/targets/targets.route.js';
import { translationRoutes } from './editor/translations/translations.route.js';
import { translatorApplicationRoutes } from './editor/translator-applications/translator-applications.route.js';
import { registerErrorHandling, sendError } from './errors.js';
import type { LiveCounters } from './live/live-counters.js';
import { registerLocale } from './middleware/locale.js';
import { type BodyLimits, parseFormBody, registerRequestBody } from './middleware/request-body.js';
import { archiveRoutes } from './public/archive/archive.route.js';
import { campaignRoutes } from './public/campaign/campaign.route.js';
import { confirmRoutes } from './public/confirm/confirm.route.js';
import type { PublicDeps } from './public/deps.js';
import { healthRoutes } from './public/health/health.route.js';
import { helpTranslateRoutes } from './public/help-translate/help-translate.route.js';
import { homeRoutes } from './public/home/home.route.js';
import { myDataRoutes } from './public/my-data/my-data.route.js';
import { partnerDossierRoutes } from './public/partner-report/partner-dossier.route.js';
import { petitionRoutes } from './public/petition/petition.route.js';
import { preferencesRoutes } from './public/preferences/preferences.route.js';
import { unsubscribeRoutes } from './public/preferences/unsubscribe.route.js';
import { privacyRoutes } from './public/privacy/privacy.route.js';
import { requestRoutes } from './public/request/request.route.js';
import { statusRoutes } from './public/status/status.route.js';
import { subscribeRoutes } from './public/subscribe/subscribe.route.js';
import { thanksRoutes } from './public/thanks/thanks.route.js';
import { cachedTreeHeads } from './public/verify/tree-heads.js';
import { verifyRoutes } from './public/verify/verify.route.js';
import { type LogDestination, privateLogger } from './security/log-privacy.js';
import { registerUploadGate } from './security/multipart.js';
import { registerLocationGuard } from './security/safe-location.js';
import { registerSecurityHeaders } from './security-headers.js';
import { registerStaticAssets } from './static-assets.js';
import { registerUploads } from './uploads.js';

export interface AppDeps {
  config: Config;
  db: Db;
  clock: Clock;
  campaigns: CampaignReader;
  signatures: SignatureWriter;
  confirmer: SignatureConfirmer;
  rateLimiter: RateLimiter;
  live: LiveCounters;
  deliveryStatus: DeliveryStatusReader;
  /** The petition's signers (counted, not erased; hidden ones only for editors) and editors hiding them. */
  petition: PetitionReader & PetitionModeration & PetitionExporter & AuditRecorder;
  deliveryAdmin: DeliveryEditorDeps['delivery'];
  accounts: AccountAdapters;
  /** Signature confirmation tokens: made when signing, hashed when a link is opened. */
  tokens: SignDeps['tokens'] & PublicDeps['tokens'];
  /** The campaigns partner accounts are attached to, the languages translator accounts work in. */
  scopes: AccountScopeStore;
  lifecycle: CampaignLifecycleStore;
  images: ImageStore;
  /** Union campaign requests, the partnership terms, and the request form's own rate limiter. */
  campaignRequests: { requests: CampaignRequestStore; terms: TermsStore; rateLimiter: RateLimiter };
  /** Creates draft campaigns (the New campaign form, approved requests). */
  drafts: CampaignDraftStore;
  /** The editor dashboard's reads and the review of held signatures. */
  dashboard: DashboardAdapters;
  /** Targets, union copy addresses and partners of campaigns (the editor's pages). */
  roster: { targets: TargetStore; partners: PartnerStore };
  /** Partner report links: made and revoked by editors, opened by partners without an account. */
  partnerReports: PartnerReportStore;
  /** Partners' age public keys: signer files made for a partner that gave one are encrypted to it. */
  partnerAgeKeys: PartnerAgeKeyStore;
  /** The campaign editor's writes (audited, dropping the public cache) and old slugs' redirects. */
  campaignEditor: CampaignEditorStore & OldSlugReader;
  /** Campaigns as stored, drafts included, uncached: for editors' previews. */
  previewCampaigns: CampaignReader;
  /** Volunteer translations of campaign texts (audited; publishing drops the public cache). */
  translations: TranslationStore;
  /** Mailings' language versions on the same board (audited; the sender reads the published ones). */
  mailingTranslations: MailingTranslationStore;
  /** Translation memory (other campaigns' published versions) and each language's glossary. */
  translationMemory: TranslationMemoryStore;
  /** Volunteers' corrections of interface strings, laid over the shipped catalogs (decision 0036). */
  interfaceStrings: InterfaceOverrideStore;
  /** The translators' daily bulletin: the account setting that turns it off (decision 0037). */
  translatorBulletins: TranslatorBulletinStore;
  translationClaims: TranslationClaimStore;
  /** Supporters' rights: my-data links and sessions, exports, withdrawals, erasure; the link form's limits. */
  privacy: {
    store: PrivacyStore;
    rateLimiter: RateLimiter;
    /** The retention settings: shown on the privacy page, changed by admins. */
    retention: { get(): Promise<Retention>; set(value: Retention): Promise<void> };
  };
  /** The language lists as supporters see them: sign-ups, preferences, unsubscribes; the sign-up form's limits. */
  lists: { store: ListStore; rateLimiter: RateLimiter };
  /** Volunteers' applications to translate (the "Help translate" form) and that form's own limits. */
  translatorApplications: { store: TranslatorApplicationStore; rateLimiter: RateLimiter };
  /** Mailings: the composer, the segment's size, the actions, the report; the language versions for previews. */
  mailings: MailingStore & MailingVersionReader;
  /** The language lists for editors: counts, suppressed addresses, CSV import and export. */
  listAdmin: ListAdminStore;
  /** The statistics pages' reads (counts table, signatures by the hour, messages by status). */
  statistics: StatisticsReader;
  /** Printable dossiers: the rows and files, whether the PDF renderer is installed, how long files are kept. */
  dossiers: {
    store: DossierStore;
    renderer: Pick<DossierRenderer, 'available'>;
    retentionDays(): Promise<number>;
  };
  /** The campaigns' signature logs and signed tree heads (decision 0031). */
  signatureLog: SignatureLogStore;
  /** How long a form's body may take to arrive (tests shorten it). */
  bodyLimits?: BodyLimits;
  /** The log level (and, for tests, where lines go) or false; tests pass false. */
  logger?: boolean | { level: string; stream?: LogDestination };
}

const bodyLimit = 64 * 1024;

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config } = deps;
  const site = {
    name: config.SITE_NAME,
    baseUrl: config.BASE_URL,
    translatorsContact: config.TRANSLATORS_CONTACT,
  };
  const app = Fastify({
    // No client addresses, secrets in URLs masked (security/log-privacy.ts).
    logger:
      deps.logger === false
        ? false
        : privateLogger(typeof deps.logger === 'object' ? deps.logger : { level: config.LOG_LEVEL }),
    trustProxy: fastifyTrustProxy(config.TRUST_PROXY),
    // Sign forms are a few KB; anything larger is hostile or a mistake, answered 413 before it is buffered.
    bodyLimit,
    routerOptions: { maxParamLength: 200 },
    genReqId: () => randomUUID(),
    // Slow-loris and idle connections: bounded waits for headers and bodies.
    requestTimeout: 30_000,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
  });

  // helmet's headers, computed once (security-headers.ts): per request they cost 4–7 % of the CPU.
  await registerSecurityHeaders(app, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // The campaign page's inlined first-screen rules, by their hash (critical-css.ts).
        styleSrc: ["'self'", criticalCss().cspSource],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    hsts: config.BASE_URL.startsWith('https://'),
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  await app.register(cookie);
  await app.register(formbody, { bodyLimit, parser: parseFormBody });

  await registerUploads(app, { dir: config.UPLOAD_DIR });

  // Corrections of interface strings stored by any process: the version is read at most once a second.
  const overrideLayer = overrideLayerFor(deps.interfaceStrings, {
    onError: (error) => app.log.warn({ err: error }, 'interface string corrections not read'),
  });
  app.addHook('onRequest', (_req, _reply, done) => {
    if (overrideLayer.fresh()) return done();
    overrideLayer.refresh().then(() => done(), done);
  });
  registerLocale(app, config.DEFAULT_LOCALE);
  registerUploadGate(app, { maxBytes: config.UPLOAD_MAX_MB * 1024 * 1024 });
  registerRequestBody(app, deps.bodyLimits);
  registerErrorHandling(app, site);
  registerLocationGuard(app, site);
  // Read and compressed once; hashed links immutable (static-assets.ts, docs/decisions/0018).
  registerStaticAssets(app, (req, reply) => sendError(req, reply, site, 404));

  const publicDeps: PublicDeps = {
    site,
    campaigns: deps.campaigns,
    signing: {
      campaigns: deps.campaigns,
      signatures: deps.signatures,
      rateLimiter: deps.rateLimiter,
      tokens: deps.tokens,
      clock: deps.clock,
    },
    confirmer: deps.confirmer,
    tokens: deps.tokens,
    clock: deps.clock,
    secret: config.APP_SECRET,
    confirmExpiryMs: config.CONFIRM_EXPIRY_DAYS * 86_400_000,
    live: deps.live,
    images: deps.images,
    treeHeads: cachedTreeHeads(deps.signatureLog, deps.clock),
  };
  healthRoutes(app, deps);
  homeRoutes(app, publicDeps);
  // The router matches the static `archive` segment before the campaign routes' `:slug` parameter.
  archiveRoutes(app, publicDeps);
  campaignRoutes(app, publicDeps, deps.campaignEditor, {
    pageCacheBytes: config.PAGE_CACHE_MB * 1024 * 1024,
  });
  thanksRoutes(app, publicDeps);
  petitionRoutes(app, { site, campaigns: deps.campaigns, petition: deps.petition, clock: deps.clock });
  confirmRoutes(app, publicDeps);
  privacyRoutes(app, { site, retention: deps.privacy.retention });
  helpTranslateRoutes(app, {
    site,
    clock: deps.clock,
    secret: config.APP_SECRET,
    applications: deps.translatorApplications.store,
    rateLimiter: deps.translatorApplications.rateLimiter,
    campaigns: deps.campaigns,
  });
  myDataRoutes(app, {
    site,
    clock: deps.clock,
    secret: config.APP_SECRET,
    privacy: deps.privacy.store,
    tokens: deps.tokens,
    rateLimiter: deps.privacy.rateLimiter,
  });
  const lists = { site, clock: deps.clock, secret: config.APP_SECRET, lists: deps.lists.store };
  subscribeRoutes(app, {
    ...lists,
    rateLimiter: deps.lists.rateLimiter,
    tokens: deps.tokens,
    confirmExpiryMs: config.CONFIRM_EXPIRY_DAYS * 86_400_000,
  });
  preferencesRoutes(app, {
    ...lists,
    addressTokens: addressTokens(config.APP_SECRET),
    rateLimiter: deps.lists.rateLimiter,
  });
  unsubscribeRoutes(app, lists);
  requestRoutes(app, {
    site,
    clock: deps.clock,
    secret: config.APP_SECRET,
    campaignRequests: deps.campaignRequests.requests,
    terms: deps.campaignRequests.terms,
    rateLimiter: deps.campaignRequests.rateLimiter,
    images: deps.images,
    maxUploadMb: config.UPLOAD_MAX_MB,
  });
  statusRoutes(app, { site, secret: config.APP_SECRET, deliveryStatus: deps.deliveryStatus });
  counterRoutes(app, publicDeps);
  const logKey = publishedKey(logSigningKey(config));
  signatureLogApiRoutes(app, { campaigns: deps.campaigns, log: deps.signatureLog, publicKey: logKey });
  verifyRoutes(app, { site, log: deps.signatureLog, publicKey: logKey.key });
  editorRoutes(
    app,
    editorDeps(deps.accounts, {
      site,
      clock: deps.clock,
      secret: config.APP_SECRET,
      baseUrl: config.BASE_URL,
      scopes: deps.scopes,
    }),
    {
      campaigns: {
        site,
        clock: deps.clock,
        campaigns: deps.lifecycle,
        scopes: deps.scopes,
        delivery: deps.deliveryAdmin,
        retention: deps.privacy.retention,
        dossiers: { store: deps.dossiers.store, retentionDays: deps.dossiers.retentionDays },
      },
      newCampaign: { site, clock: deps.clock, drafts: deps.drafts },
      requests: {
        site,
        clock: deps.clock,
        campaignRequests: deps.campaignRequests.requests,
        drafts: deps.drafts,
        audit: deps.accounts.audit,
      },
      terms: { site, clock: deps.clock, terms: deps.campaignRequests.terms },
      dashboard: { site, clock: deps.clock, ...deps.dashboard, scopes: deps.scopes },
    },
  );
  deliveryEditorRoutes(app, { site, clock: deps.clock, delivery: deps.deliveryAdmin });
  supportersEditorRoutes(app, {
    site,
    clock: deps.clock,
    secret: config.APP_SECRET,
    privacy: deps.privacy.store,
  });
  privacySettingsRoutes(app, { site, retention: deps.privacy.retention });
  mailingsEditorRoutes(app, {
    site,
    clock: deps.clock,
    mailings: deps.mailings,
    campaigns: deps.previewCampaigns,
    secret: config.APP_SECRET,
  });
  listsEditorRoutes(app, {
    site,
    clock: deps.clock,
    secret: config.APP_SECRET,
    lists: deps.listAdmin,
    uploadMaxMb: config.UPLOAD_MAX_MB,
  });
  campaignEditRoutes(app, {
    site,
    clock: deps.clock,
    campaigns: deps.campaignEditor,
    images: deps.images,
    uploadMaxMb: config.UPLOAD_MAX_MB,
  });
  campaignPreviewRoutes(app, { site, campaigns: deps.previewCampaigns });
  statisticsRoutes(app, { site, clock: deps.clock, reader: deps.statistics, scopes: deps.scopes });
  translatorApplicationRoutes(app, {
    site,
    clock: deps.clock,
    applications: deps.translatorApplications.store,
    tokens: deps.accounts.tokens,
  });
  translationRoutes(app, {
    site,
    clock: deps.clock,
    translations: deps.translations,
    mailingTranslations: deps.mailingTranslations,
    scopes: deps.scopes,
    memory: deps.translationMemory,
    bulletins: deps.translatorBulletins,
    claims: deps.translationClaims,
  });
  interfaceStringsRoutes(app, {
    site,
    clock: deps.clock,
    overrides: deps.interfaceStrings,
    catalogs: interfaceCatalogs,
    scopes: deps.scopes,
    layer: overrideLayer,
    uploadMaxMb: config.UPLOAD_MAX_MB,
  });
  petitionEditorRoutes(app, {
    site,
    clock: deps.clock,
    campaigns: deps.previewCampaigns,
    petition: deps.petition,
    ageKeys: deps.partnerAgeKeys,
  });
  petitionExportRoutes(app, {
    site,
    clock: deps.clock,
    campaigns: deps.previewCampaigns,
    exporter: deps.petition,
    scopes: deps.scopes,
    audit: deps.petition,
    log: deps.signatureLog,
    ageKeys: deps.partnerAgeKeys,
  });
  dossierRoutes(app, {
    site,
    clock: deps.clock,
    campaigns: deps.previewCampaigns,
    petition: deps.petition,
    dossiers: deps.dossiers.store,
    renderer: deps.dossiers.renderer,
    retentionDays: deps.dossiers.retentionDays,
    scopes: deps.scopes,
    audit: deps.petition,
    ageKeys: deps.partnerAgeKeys,
  });
  targetEditorRoutes(app, {
    site,
    clock: deps.clock,
    targets: deps.roster.targets,
    delivery: deps.deliveryAdmin,
    secret: config.APP_SECRET,
    mail: { siteName: config.SITE_NAME, from: config.MAIL_FROM },
  });
  reportLinkRoutes(app, {
    site,
    clock: deps.clock,
    reports: deps.partnerReports,
    petition: deps.petition,
    scopes: deps.scopes,
    tokens: { create: () => deps.tokens.confirmationToken(), hash: (t) => deps.tokens.hash(t) },
    dossiers: deps.dossiers.store,
    ageKeys: deps.partnerAgeKeys,
  });
  partnerDossierRoutes(app, {
    site,
    clock: deps.clock,
    reports: deps.partnerReports,
    dossiers: deps.dossiers.store,
    tokens: { hash: (t) => deps.tokens.hash(t) },
    ageKeys: deps.partnerAgeKeys,
  });
  ageKeyRoutes(app, { site, clock: deps.clock, keys: deps.partnerAgeKeys });
  partnerEditorRoutes(app, {
    site,
    clock: deps.clock,
    partners: deps.roster.partners,
    images: deps.images,
    maxUploadBytes: config.UPLOAD_MAX_MB * 1024 * 1024,
  });
  if (config.captureMail && config.MAIL_VIEWER) {
    mailViewerRoutes(app, { dir: config.MAIL_CAPTURE_DIR, site });
  }
  return app;
}
