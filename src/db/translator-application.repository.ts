// Storage of volunteers' translator applications (migration 0029). Name, address and note are sealed by the
// personal-fields plugin; the audit entries name no person. The unit binds the account stores to the same
// transaction, so accepting (invitation, languages, deletion, audit) commits or rolls back as one.
import type { Kysely, Selectable } from 'kysely';
import type { AccountStore } from '../domain/account/account.ports.js';
import type {
  NewTranslatorApplication,
  TranslatorApplication,
  TranslatorApplicationStore,
  TranslatorApplicationUnit,
} from '../domain/translator-application/translator-application.ports.js';
import { accountUnitOf } from './account.store.js';
import { AuditRepository, recordAudit } from './audit.repository.js';
import { isUniqueViolation } from './campaign-request.repository.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import type { Database } from './schema.js';
import type { TranslatorApplicationsTable } from './translator-application.table.js';

function toApplication(r: Selectable<TranslatorApplicationsTable>): TranslatorApplication {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    languages: r.languages.split(' ').filter((l) => l !== ''),
    note: r.note,
    locale: r.locale,
    createdAt: r.created_at,
  };
}

function unitOf(trx: Kysely<Database>, dialect: Dialect): TranslatorApplicationUnit {
  const accountUnit = accountUnitOf(trx);
  // Already inside a transaction: the invitation's "transaction" is this one.
  const accounts: AccountStore = { ...accountUnit, transaction: (work) => work(accountUnit) };
  return {
    accounts,
    audit: new AuditRepository(trx),
    async find(id) {
      const query = trx.selectFrom('translator_applications').selectAll().where('id', '=', id);
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      return row && toApplication(row);
    },
    async remove(id) {
      const deleted = await trx.deleteFrom('translator_applications').where('id', '=', id).executeTakeFirst();
      return Number(deleted.numDeletedRows) === 1;
    },
    async setTranslatorLanguages(userId, locales, by, now) {
      await trx.deleteFrom('translator_languages').where('user_id', '=', userId).execute();
      if (locales.length === 0) return;
      await trx
        .insertInto('translator_languages')
        .values(locales.map((locale) => ({ user_id: userId, locale, created_by: by, created_at: now })))
        .execute();
    },
  };
}

export class TranslatorApplicationRepository implements TranslatorApplicationStore {
  private readonly db: Kysely<Database>;
  private readonly dialect: Dialect;
  constructor(db: Db) {
    this.db = db.kysely;
    this.dialect = db.dialect;
  }

  async create(application: NewTranslatorApplication, now: number): Promise<'created' | 'duplicate'> {
    try {
      await this.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('translator_applications')
          .values({
            name: application.name,
            email: application.email,
            languages: application.languages.join(' '),
            note: application.note,
            locale: application.locale,
            form_nonce: application.formNonce,
            created_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, {
          actor: null,
          action: 'translator_application.received',
          entityType: 'translator_application',
          entityId: id,
          after: { languages: application.languages, locale: application.locale },
          now,
        });
      });
      return 'created';
    } catch (error) {
      if (isUniqueViolation(error) && (await this.hasNonce(application.formNonce))) return 'duplicate';
      throw error;
    }
  }

  async hasNonce(nonce: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('translator_applications')
      .select('id')
      .where('form_nonce', '=', nonce)
      .executeTakeFirst();
    return row !== undefined;
  }

  async list(): Promise<TranslatorApplication[]> {
    const rows = await this.db
      .selectFrom('translator_applications')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toApplication);
  }

  async countWaiting(): Promise<number> {
    const row = await this.db
      .selectFrom('translator_applications')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  transaction<T>(work: (unit: TranslatorApplicationUnit) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(unitOf(trx, this.dialect)));
  }
}
