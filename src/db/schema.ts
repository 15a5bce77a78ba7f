// The database as Kysely sees it: one entry per table, row types from the *.table.ts files.
import type { Kysely } from 'kysely';
import type { PartnerCampaignsTable, TranslatorLanguagesTable } from './account-scope.table.js';
import type { AuditEventsTable } from './audit.table.js';
import type {
  CampaignSlugsTable,
  CampaignsTable,
  CampaignTranslationsTable,
  CampaignUpdatesTable,
  PartnersTable,
  TargetsTable,
} from './campaign.table.js';
import type {
  CampaignRequestsTable,
  PartnershipTermsTable,
  RequestEndorsementsTable,
} from './campaign-request.table.js';
import type { DossiersTable } from './dossier.table.js';
import type { GlossaryTermsTable } from './glossary.table.js';
import type { InterfaceOverridesTable, InterfaceOverrideVersionsTable } from './interface-override.table.js';
import type { JobsTable } from './job.table.js';
import type {
  ListMembersTable,
  MailingRecipientsTable,
  MailingsTable,
  MailingTranslationsTable,
} from './mailing.table.js';
import type { AlertsTable, DeliveryPacingTable, MailDomainsTable, MessagesTable } from './message.table.js';
import type { PartnerReportLinksTable } from './partner-report.table.js';
import type { ErasuresTable, MyDataTokensTable } from './privacy.table.js';
import type { SettingsTable } from './settings.table.js';
import type { SignatureLogHeadsTable, SignatureLogTable } from './signature-log.table.js';
import type { MessageCountsTable, SignatureHoursTable } from './statistics.table.js';
import type { ConsentsTable, CountsTable, SignaturesTable, SupportersTable } from './supporter.table.js';
import type { TranslationClaimsTable } from './translation-claim.table.js';
import type { TranslatorApplicationsTable } from './translator-application.table.js';
import type { TranslatorBulletinsTable } from './translator-bulletin.table.js';
import type { AccountTokensTable, LoginAttemptsTable, SessionsTable, UsersTable } from './user.table.js';

export interface Database {
  campaigns: CampaignsTable;
  campaign_translations: CampaignTranslationsTable;
  campaign_slugs: CampaignSlugsTable;
  campaign_updates: CampaignUpdatesTable;
  partners: PartnersTable;
  targets: TargetsTable;
  supporters: SupportersTable;
  signatures: SignaturesTable;
  consents: ConsentsTable;
  counts: CountsTable;
  jobs: JobsTable;
  messages: MessagesTable;
  delivery_pacing: DeliveryPacingTable;
  mail_domains: MailDomainsTable;
  alerts: AlertsTable;
  users: UsersTable;
  sessions: SessionsTable;
  account_tokens: AccountTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_events: AuditEventsTable;
  settings: SettingsTable;
  partnership_terms: PartnershipTermsTable;
  campaign_requests: CampaignRequestsTable;
  request_endorsements: RequestEndorsementsTable;
  partner_campaigns: PartnerCampaignsTable;
  translator_languages: TranslatorLanguagesTable;
  my_data_tokens: MyDataTokensTable;
  partner_report_links: PartnerReportLinksTable;
  erasures: ErasuresTable;
  list_members: ListMembersTable;
  mailings: MailingsTable;
  mailing_translations: MailingTranslationsTable;
  mailing_recipients: MailingRecipientsTable;
  glossary_terms: GlossaryTermsTable;
  dossiers: DossiersTable;
  signature_log: SignatureLogTable;
  signature_log_heads: SignatureLogHeadsTable;
  interface_overrides: InterfaceOverridesTable;
  interface_override_versions: InterfaceOverrideVersionsTable;
  translator_bulletins: TranslatorBulletinsTable;
  translation_claims: TranslationClaimsTable;
  signature_hours: SignatureHoursTable;
  message_counts: MessageCountsTable;
  translator_applications: TranslatorApplicationsTable;
}

/** The database, or a transaction on it: what a repository's statements run on. */
export type DbHandle = Kysely<Database>;
