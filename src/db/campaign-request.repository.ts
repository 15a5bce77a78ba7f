// Union campaign requests, their endorsements and the partnership terms versions. Every write that
// changes a request commits with its audit entry and its outbox mail; decisions are conditional
// (UPDATE … WHERE status IN (open statuses)) so two editors acting at once never both win.
import type { Kysely, Selectable } from 'kysely';
import type {
  CampaignRequestStore,
  Mail,
  NewRequest,
} from '../domain/campaign-request/campaign-request.ports.js';
import type { TermsStore, TermsVersion } from '../domain/campaign-request/partnership-terms.js';
import {
  type CampaignRequest,
  openStatuses,
  type RequestStatus,
  type RequestSummary,
  type RequestTarget,
} from '../domain/campaign-request/request.js';
import { recordAudit } from './audit.repository.js';
import type { CampaignRequestsTable } from './campaign-request.table.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import type { Database, DbHandle } from './schema.js';

function parseTargets(json: string): RequestTarget[] {
  const value = JSON.parse(json) as unknown;
  if (!Array.isArray(value)) return [];
  return value.flatMap((t: unknown) => {
    const { name, email } = (t ?? {}) as { name?: unknown; email?: unknown };
    return typeof name === 'string' && typeof email === 'string' ? [{ name, email }] : [];
  });
}

/** A unique constraint refused the insert, on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    (typeof e?.message === 'string' && e.message.includes('UNIQUE constraint failed'))
  );
}

/**
 * Marks a request approved inside the caller's transaction (the campaign draft repository's, so the
 * campaign and the approval commit together). False, with nothing written, when it is no longer open.
 */
export async function markRequestApproved(
  trx: Kysely<Database>,
  change: {
    requestId: number;
    from: readonly string[];
    campaignId: number;
    slug: string;
    actor: { id: number; email: string };
    now: number;
    mails: Mail[];
  },
): Promise<boolean> {
  return decideIn(trx, {
    id: change.requestId,
    from: change.from,
    set: { status: 'approved' satisfies RequestStatus, campaign_id: change.campaignId },
    action: 'campaign_request.approved',
    after: { status: 'approved', campaignId: change.campaignId, slug: change.slug },
    actor: change.actor,
    now: change.now,
    mails: change.mails,
  });
}

/**
 * A request's decision, stale-safe: the update only applies while the request is still in one of `from`
 * (two editors deciding at once: one wins, the other gets false), then its audit entry and its mail.
 */
async function decideIn(
  trx: Kysely<Database>,
  d: {
    id: number;
    from: readonly string[];
    set: { status: string; campaign_id?: number; decision_note?: string };
    action: string;
    after: Record<string, unknown>;
    actor: { id: number; email: string };
    now: number;
    mails: Mail[];
  },
): Promise<boolean> {
  const before = await trx
    .selectFrom('campaign_requests')
    .select('status')
    .where('id', '=', d.id)
    .executeTakeFirst();
  if (!before) return false;
  const updated = await trx
    .updateTable('campaign_requests')
    .set({ ...d.set, decided_by: d.actor.id, decided_at: d.now, updated_at: d.now })
    .where('id', '=', d.id)
    .where('status', 'in', [...d.from])
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await recordAudit(trx, {
    actor: d.actor,
    action: d.action,
    entityType: 'campaign_request',
    entityId: d.id,
    before: { status: before.status },
    after: d.after,
    now: d.now,
  });
  await enqueueJobs(trx, d.mails, d.now);
  return true;
}

/**
 * Marks an open request as changed, which also locks its row (PostgreSQL) so that an approval cannot commit
 * between this check and the endorsement written after it. False when the request is not open (or not there).
 */
async function touchOpen(trx: DbHandle, requestId: number, now: number): Promise<boolean> {
  const touched = await trx
    .updateTable('campaign_requests')
    .set({ updated_at: now })
    .where('id', '=', requestId)
    .where('status', 'in', [...openStatuses])
    .executeTakeFirst();
  return Number(touched.numUpdatedRows) === 1;
}

export class CampaignRequestRepository extends KyselyStore implements CampaignRequestStore, TermsStore {
  // Requests ----------------------------------------------------------------------------------------

  /** Forgets the network hash of requests older than `cutoff` (it only served the abuse limits). */
  async forgetNetworks(cutoff: number): Promise<number> {
    const result = await this.db
      .updateTable('campaign_requests')
      .set({ ip_hash: null })
      .where('ip_hash', 'is not', null)
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async findByNonce(nonce: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('campaign_requests')
      .select('id')
      .where('form_nonce', '=', nonce)
      .executeTakeFirst();
    return row ? row.id : undefined;
  }

  async create(
    request: NewRequest,
    mails: (id: number) => Mail[],
    now: number,
  ): Promise<{ status: 'created' | 'duplicate'; id: number }> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        const { id } = await trx
          .insertInto('campaign_requests')
          .values({
            status: 'waiting' satisfies RequestStatus,
            locale: request.language,
            contact_locale: request.contactLocale,
            org_name: request.orgName,
            org_description: request.orgDescription,
            org_website: request.orgWebsite,
            org_logo_path: request.orgLogoPath,
            contact_name: request.contactName,
            contact_email: request.contactEmail,
            headline: request.headline,
            background_md: request.backgroundMd,
            default_message: request.defaultMessage,
            more_info_url: request.moreInfoUrl,
            photo_path: request.photoPath,
            targets_json: JSON.stringify(request.targets),
            terms_id: request.termsVersionId,
            terms_accepted_at: now,
            form_nonce: request.formNonce,
            ip_hash: request.ipHash,
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const requestId = id;
        await recordAudit(trx, {
          actor: null,
          action: 'campaign_request.received',
          entityType: 'campaign_request',
          entityId: requestId,
          after: {
            orgName: request.orgName,
            contactEmail: request.contactEmail,
            headline: request.headline,
            termsVersion: request.termsVersionId,
          },
          now,
        });
        await enqueueJobs(trx, mails(requestId), now);
        return { status: 'created' as const, id: requestId };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const existing = await this.findByNonce(request.formNonce);
      if (existing === undefined) throw error;
      return { status: 'duplicate', id: existing };
    }
  }

  async find(id: number): Promise<CampaignRequest | undefined> {
    const row = await this.db
      .selectFrom('campaign_requests as r')
      .innerJoin('partnership_terms as t', 't.id', 'r.terms_id')
      .leftJoin('campaigns as c', 'c.id', 'r.campaign_id')
      .selectAll('r')
      .select(['t.locale as terms_locale', 'c.slug as campaign_slug'])
      .where('r.id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const endorsements = await this.db
      .selectFrom('request_endorsements')
      .selectAll()
      .where('request_id', '=', id)
      .orderBy('id')
      .execute();
    return {
      ...this.toRequest(row),
      termsVersion: { id: row.terms_id, locale: row.terms_locale },
      campaign:
        row.campaign_id !== null && row.campaign_slug !== null
          ? { id: row.campaign_id, slug: row.campaign_slug }
          : null,
      endorsements: endorsements.map((e) => ({
        id: e.id,
        name: e.name,
        url: e.url,
        note: e.note,
        createdAt: e.created_at,
      })),
    };
  }

  private toRequest(
    r: Selectable<CampaignRequestsTable>,
  ): Omit<CampaignRequest, 'termsVersion' | 'campaign' | 'endorsements'> {
    return {
      id: r.id,
      status: r.status as RequestStatus,
      locale: r.locale,
      contactLocale: r.contact_locale,
      orgName: r.org_name,
      orgDescription: r.org_description,
      orgWebsite: r.org_website,
      orgLogoPath: r.org_logo_path,
      contactName: r.contact_name,
      contactEmail: r.contact_email,
      headline: r.headline,
      backgroundMd: r.background_md,
      defaultMessage: r.default_message,
      moreInfoUrl: r.more_info_url,
      photoPath: r.photo_path,
      targets: parseTargets(r.targets_json),
      termsAcceptedAt: r.terms_accepted_at,
      decisionNote: r.decision_note,
      decidedAt: r.decided_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    };
  }

  async list(decidedLimit: number): Promise<RequestSummary[]> {
    const columns = ['id', 'status', 'locale', 'org_name', 'headline', 'created_at', 'decided_at'] as const;
    const [open, decided] = await Promise.all([
      this.db
        .selectFrom('campaign_requests')
        .select(columns)
        .where('status', 'in', [...openStatuses])
        .orderBy('created_at')
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('campaign_requests')
        .select(columns)
        .where('status', 'not in', [...openStatuses])
        .orderBy('decided_at', 'desc')
        .orderBy('id', 'desc')
        .limit(decidedLimit)
        .execute(),
    ]);
    return [...open, ...decided].map((r) => ({
      id: r.id,
      status: r.status as RequestStatus,
      locale: r.locale,
      orgName: r.org_name,
      headline: r.headline,
      createdAt: r.created_at,
      decidedAt: r.decided_at,
    }));
  }

  async countWaiting(): Promise<number> {
    const row = await this.db
      .selectFrom('campaign_requests')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('status', '=', 'waiting' satisfies RequestStatus)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async decide(change: Parameters<CampaignRequestStore['decide']>[0]): Promise<boolean> {
    return this.db.transaction().execute((trx) =>
      decideIn(trx, {
        id: change.id,
        from: change.from,
        set: { status: change.to, decision_note: change.note },
        action: change.to === 'declined' ? 'campaign_request.declined' : 'campaign_request.changes_requested',
        after: { status: change.to, message: change.note },
        actor: change.actor,
        now: change.now,
        mails: change.mails,
      }),
    );
  }

  async addEndorsement(
    requestId: number,
    endorsement: { name: string; url: string | null; note: string | null },
    meta: { actor: { id: number; email: string }; now: number },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await touchOpen(trx, requestId, meta.now))) return false;
      const { id } = await trx
        .insertInto('request_endorsements')
        .values({
          request_id: requestId,
          name: endorsement.name,
          url: endorsement.url,
          note: endorsement.note,
          created_by: meta.actor.id,
          created_at: meta.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: meta.actor,
        action: 'campaign_request.endorsement_added',
        entityType: 'campaign_request',
        entityId: requestId,
        after: { endorsementId: id, ...endorsement },
        now: meta.now,
      });
      return true;
    });
  }

  async removeEndorsement(
    requestId: number,
    endorsementId: number,
    meta: { actor: { id: number; email: string }; now: number },
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      if (!(await touchOpen(trx, requestId, meta.now))) return false;
      const row = await trx
        .selectFrom('request_endorsements')
        .select(['name', 'url', 'note'])
        .where('id', '=', endorsementId)
        .where('request_id', '=', requestId)
        .executeTakeFirst();
      if (!row) return false;
      await trx.deleteFrom('request_endorsements').where('id', '=', endorsementId).execute();
      await recordAudit(trx, {
        actor: meta.actor,
        action: 'campaign_request.endorsement_removed',
        entityType: 'campaign_request',
        entityId: requestId,
        before: { endorsementId, ...row },
        now: meta.now,
      });
      return true;
    });
  }

  // Partnership terms -------------------------------------------------------------------------------

  private terms() {
    return this.db
      .selectFrom('partnership_terms as t')
      .leftJoin('users as u', 'u.id', 't.created_by')
      .select([
        't.id',
        't.locale',
        't.body_md',
        't.created_at',
        'u.name as user_name',
        'u.email as user_email',
      ]);
  }

  private toVersion(r: {
    id: number;
    locale: string;
    body_md: string;
    created_at: number;
    user_name: string | null;
    user_email: string | null;
  }): TermsVersion {
    return {
      id: r.id,
      locale: r.locale,
      bodyMd: r.body_md,
      createdAt: r.created_at,
      createdBy: r.user_name || r.user_email || null,
    };
  }

  async latest(): Promise<TermsVersion[]> {
    const rows = await this.terms()
      .where('t.id', 'in', (eb) =>
        eb
          .selectFrom('partnership_terms')
          .select((e) => e.fn.max('id').as('id'))
          .groupBy('locale'),
      )
      .orderBy('t.locale')
      .execute();
    return rows.map((r) => this.toVersion(r));
  }

  async version(id: number): Promise<TermsVersion | undefined> {
    const row = await this.terms().where('t.id', '=', id).executeTakeFirst();
    return row ? this.toVersion(row) : undefined;
  }

  async history(limit: number): Promise<TermsVersion[]> {
    const rows = await this.terms().orderBy('t.id', 'desc').limit(limit).execute();
    return rows.map((r) => this.toVersion(r));
  }

  async save(
    version: { locale: string; bodyMd: string },
    meta: { actor: { id: number; email: string } | null; now: number },
  ): Promise<TermsVersion> {
    const id = await this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('partnership_terms')
        .values({
          locale: version.locale,
          body_md: version.bodyMd,
          created_by: meta.actor?.id ?? null,
          created_at: meta.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, {
        actor: meta.actor,
        action: 'partnership_terms.saved',
        entityType: 'partnership_terms',
        entityId: row.id,
        after: { locale: version.locale, text: version.bodyMd },
        now: meta.now,
      });
      return row.id;
    });
    const saved = await this.version(id);
    if (!saved) throw new Error(`partnership terms version ${id} vanished after saving`);
    return saved;
  }
}
