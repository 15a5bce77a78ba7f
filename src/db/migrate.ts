// Runs the migrations with Kysely's Migrator. Migrations are listed in code (not read from a folder) so the
// same list works from dist/ and from tsx, and their order is reviewable here.
import { sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import { type DataVault, developmentVault } from '../security/data-keys.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import { initial } from './migrations/0001-initial.js';
import { signing } from './migrations/0002-signing.js';
import { delivery } from './migrations/0003-delivery.js';
import { accounts } from './migrations/0004-accounts.js';
import { lifecycle } from './migrations/0005-lifecycle.js';
import { intake } from './migrations/0006-intake.js';
import { campaignEditor } from './migrations/0007-campaign-editor.js';
import { accountScopes } from './migrations/0008-account-scopes.js';
import { confirmedAddresses } from './migrations/0009-confirmed-addresses.js';
import { petition } from './migrations/0010-petition.js';
import { privacy } from './migrations/0011-privacy.js';
import { translations } from './migrations/0012-translations.js';
import { jobKindNames } from './migrations/0014-job-kind-names.js';
import { mailingLists } from './migrations/0015-mailing-lists.js';
import { translationMemory } from './migrations/0016-translation-memory.js';
import { encryptionAtRest } from './migrations/0017-encryption-at-rest.js';
import { targetCountries } from './migrations/0018-target-countries.js';
import { signatureLog } from './migrations/0019-signature-log.js';
import { dossiers } from './migrations/0020-dossiers.js';
import { partnerReportLinks } from './migrations/0021-partner-report-links.js';
import { partnerAgeKeys } from './migrations/0022-partner-age-keys.js';
import { statisticsRollups } from './migrations/0025-statistics-rollups.js';
import { interfaceOverrides } from './migrations/0027-interface-overrides.js';
import { translatorBulletins } from './migrations/0028-translator-bulletins.js';
import { translatorApplications } from './migrations/0029-translator-applications.js';
import { languageStandings } from './migrations/0030-language-standings.js';
import { translationClaims } from './migrations/0031-translation-claims.js';
import { signatureIndexPrefix } from './migrations/0032-signature-index-prefix.js';

/** Every migration by name, oldest first. The key ring is for 0017, which seals what is already stored (decision 0023). */
export function migrations(dialect: Dialect, vault: DataVault): Record<string, Migration> {
  return {
    '0001-initial': initial(dialect),
    '0002-signing': signing(dialect),
    '0003-delivery': delivery(dialect),
    '0004-accounts': accounts(dialect),
    '0005-lifecycle': lifecycle(dialect),
    '0006-intake': intake(dialect),
    '0007-campaign-editor': campaignEditor(dialect),
    '0008-account-scopes': accountScopes(dialect),
    '0009-confirmed-addresses': confirmedAddresses(dialect),
    '0010-petition': petition(dialect),
    '0011-privacy': privacy(dialect),
    '0012-translations': translations(dialect),
    '0014-job-kind-names': jobKindNames(),
    '0015-mailing-lists': mailingLists(dialect),
    '0016-translation-memory': translationMemory(dialect),
    '0017-encryption-at-rest': encryptionAtRest(dialect, vault),
    '0018-target-countries': targetCountries(),
    '0019-signature-log': signatureLog(dialect),
    '0020-dossiers': dossiers(dialect),
    '0021-partner-report-links': partnerReportLinks(dialect),
    '0022-partner-age-keys': partnerAgeKeys(),
    '0025-statistics-rollups': statisticsRollups(dialect),
    '0027-interface-overrides': interfaceOverrides(dialect),
    '0028-translator-bulletins': translatorBulletins(dialect),
    '0029-translator-applications': translatorApplications(dialect),
    '0030-language-standings': languageStandings(),
    '0031-translation-claims': translationClaims(dialect),
    '0032-signature-index-prefix': signatureIndexPrefix(),
  };
}

/** Every migration's name, oldest first. */
export function migrationNames(dialect: Dialect): string[] {
  return Object.keys(migrations(dialect, developmentVault()));
}

async function migrator(db: Db): Promise<Migrator> {
  // On PostgreSQL the Migrator looks for its own tables across every schema; pin it to ours so databases
  // that keep several Outcry schemas (tests, staging beside production) never see each other's lock.
  const schema =
    db.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined;
  return new Migrator({
    db: db.kysely,
    provider: { getMigrations: async () => migrations(db.dialect, db.vault) },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
}

export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  return (await migrator(db)).migrateToLatest();
}

/** Applies migrations up to and including `name` (tests of a migration's data handling). */
export async function migrateTo(db: Db, name: string): Promise<MigrationResultSet> {
  return (await migrator(db)).migrateTo(name);
}

/** Names of migrations not yet applied; the server refuses to start while this is non-empty. */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const all = await (await migrator(db)).getMigrations();
  return all.filter((m) => !m.executedAt).map((m) => m.name);
}

/** Undoes the newest applied migration (`npm run db:rollback`). */
export async function migrateDown(db: Db): Promise<MigrationResultSet> {
  return (await migrator(db)).migrateDown();
}
