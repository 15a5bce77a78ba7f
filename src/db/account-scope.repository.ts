import type {
  AccountScopeStore,
  AccountScopeUnit,
  ScopeAccount,
  ScopeCampaign,
} from '../domain/account/account-scopes.js';
import { isRole } from '../domain/account/permissions.js';
import type { CampaignStatus } from '../domain/campaign/campaign.js';
import {
  isLanguageStanding,
  type LanguageGrant,
  type LanguageStanding,
} from '../domain/translation/language-standing.js';
import { AuditRepository } from './audit.repository.js';
import { campaignsWithSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import type { Dialect } from './dialect.js';
import type { DbHandle } from './schema.js';

function campaigns(db: DbHandle) {
  return campaignsWithSourceText(db).select(['c.id', 'c.slug', 'c.status', 't.headline']);
}

function toCampaign(r: { id: number; slug: string; status: string; headline: string | null }): ScopeCampaign {
  return { id: r.id, slug: r.slug, status: r.status as CampaignStatus, headline: r.headline };
}

async function campaignsOf(db: DbHandle, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('partner_campaigns')
    .select('campaign_id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.campaign_id);
}

async function grantsOf(db: DbHandle, userId: number): Promise<LanguageGrant[]> {
  const rows = await db
    .selectFrom('translator_languages')
    .select(['locale', 'standing'])
    .where('user_id', '=', userId)
    .execute();
  // A value the CHECK constraint would refuse cannot be read; anything else counts as the plain standing.
  // Sorted here, not by the database: PostgreSQL's collation would order tags differently from SQLite.
  return rows
    .map((r) => ({ locale: r.locale, standing: isLanguageStanding(r.standing) ? r.standing : 'translator' }))
    .sort((a, b) => (a.locale < b.locale ? -1 : a.locale > b.locale ? 1 : 0));
}

async function languagesOf(db: DbHandle, userId: number): Promise<string[]> {
  return (await grantsOf(db, userId)).map((g) => g.locale);
}

async function contentLanguages(db: DbHandle): Promise<string[]> {
  const rows = await db.selectFrom('campaign_translations').select('locale').distinct().execute();
  return rows.map((r) => r.locale).sort();
}

function unitOf(trx: DbHandle, dialect: Dialect): AccountScopeUnit {
  return {
    campaignsOf: (userId) => campaignsOf(trx, userId),
    languagesOf: (userId) => languagesOf(trx, userId),
    grantsOf: (userId) => grantsOf(trx, userId),
    contentLanguages: () => contentLanguages(trx),
    audit: new AuditRepository(trx),

    async account(userId) {
      const query = trx.selectFrom('users').select(['id', 'role']).where('id', '=', userId);
      // A concurrent role change waits for this transaction (SQLite runs one writer at a time anyway).
      const row = await (dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
      if (!row) return undefined;
      return { id: row.id, role: isRole(row.role) ? row.role : 'partner' };
    },

    async campaign(campaignId) {
      const row = await campaigns(trx).where('c.id', '=', campaignId).executeTakeFirst();
      return row && toCampaign(row);
    },

    async attach(userId, campaignId, by, now) {
      const inserted = await trx
        .insertInto('partner_campaigns')
        .values({ user_id: userId, campaign_id: campaignId, created_by: by, created_at: now })
        .onConflict((oc) => oc.columns(['user_id', 'campaign_id']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },

    async detach(userId, campaignId) {
      const deleted = await trx
        .deleteFrom('partner_campaigns')
        .where('user_id', '=', userId)
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      return Number(deleted.numDeletedRows) > 0;
    },

    async setLanguages(userId, locales, by, now) {
      // Only the languages taken away go, and only new ones come: a language kept keeps its standing.
      const current = new Set(await languagesOf(trx, userId));
      const gone = [...current].filter((l) => !locales.includes(l));
      const added = locales.filter((l) => !current.has(l));
      if (gone.length > 0) {
        await trx
          .deleteFrom('translator_languages')
          .where('user_id', '=', userId)
          .where('locale', 'in', gone)
          .execute();
      }
      if (added.length === 0) return;
      await trx
        .insertInto('translator_languages')
        .values(added.map((locale) => ({ user_id: userId, locale, created_by: by, created_at: now })))
        .execute();
    },

    async setStanding(userId, locale, standing: LanguageStanding) {
      const updated = await trx
        .updateTable('translator_languages')
        .set({ standing })
        .where('user_id', '=', userId)
        .where('locale', '=', locale)
        .executeTakeFirst();
      return Number(updated.numUpdatedRows) > 0;
    },
  };
}

export class AccountScopeRepository implements AccountScopeStore {
  private readonly db: DbHandle;
  private readonly dialect: Dialect;

  constructor(db: Db) {
    this.db = db.kysely;
    this.dialect = db.dialect;
  }

  transaction<T>(work: (unit: AccountScopeUnit) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => work(unitOf(trx, this.dialect)));
  }

  campaignsOf(userId: number): Promise<number[]> {
    return campaignsOf(this.db, userId);
  }

  languagesOf(userId: number): Promise<string[]> {
    return languagesOf(this.db, userId);
  }

  contentLanguages(): Promise<string[]> {
    return contentLanguages(this.db);
  }

  grantsOf(userId: number): Promise<LanguageGrant[]> {
    return grantsOf(this.db, userId);
  }

  async attachedCampaigns(userId: number): Promise<ScopeCampaign[]> {
    const rows = await campaigns(this.db)
      .innerJoin('partner_campaigns as p', 'p.campaign_id', 'c.id')
      .where('p.user_id', '=', userId)
      .orderBy('c.id', 'desc')
      .execute();
    return rows.map(toCampaign);
  }

  async campaignChoices(): Promise<ScopeCampaign[]> {
    const rows = await campaigns(this.db).orderBy('c.id', 'desc').execute();
    return rows.map(toCampaign);
  }

  async partnerAccounts(campaignId: number): Promise<ScopeAccount[]> {
    const rows = await this.db
      .selectFrom('partner_campaigns as p')
      .innerJoin('users as u', 'u.id', 'p.user_id')
      .select(['u.id', 'u.email', 'u.name', 'u.password_hash', 'u.disabled_at'])
      .where('p.campaign_id', '=', campaignId)
      .where('u.role', '=', 'partner')
      .orderBy('u.id')
      .execute();
    return rows
      .map((r) => ({
        id: r.id,
        email: r.email,
        name: r.name,
        status:
          r.disabled_at !== null
            ? ('disabled' as const)
            : r.password_hash === null
              ? ('invited' as const)
              : ('active' as const),
      }))
      .sort((a, b) => (a.name || a.email).localeCompare(b.name || b.email) || a.id - b.id);
  }
}
