// Supporters' rights on both databases: my-data links (hashes only) and their sessions, one person's data
// for the my-data page and its downloads, consent withdrawal, erasure in one transaction, and the daily
// retention purge's reads and writes.
import { type ExpressionBuilder, sql } from 'kysely';
import { sendMyDataMailJob } from '../domain/privacy/my-data-mail.js';
import type { EraseCommand, ErasureCounts, MyData, PrivacyStore } from '../domain/privacy/privacy.ports.js';
import type { RetentionReport, RetentionStore } from '../domain/privacy/purge-retention.js';
import { canonicalOf } from '../domain/signature/email-address.js';
import type { DataVault } from '../security/data-keys.js';
import { recordAudit } from './audit.repository.js';
import { onSourceText } from './campaign-source-text.js';
import type { Db } from './database.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import { leaveLists } from './list-membership.writes.js';
import { liveSupporter } from './live-supporter.js';
import type { Database } from './schema.js';

/** Messages the dispatcher has not started: erasing the person cancels them (their rows go). */
const unsentMessageStatuses = ['queued', 'deferred', 'held'] as const;

/** The emailed my-data link with this hash, neither used nor expired: its page shows, its POST uses it. */
const unusedLink = (linkHash: string, now: number) => (eb: ExpressionBuilder<Database, 'my_data_tokens'>) =>
  eb.and([
    eb('token_hash', '=', linkHash),
    eb('kind', '=', 'link'),
    eb('used_at', 'is', null),
    eb('expires_at', '>', now),
  ]);

export class PrivacyRepository extends KyselyStore implements PrivacyStore, RetentionStore {
  private readonly vault: DataVault;

  /** `onErased` hears of the campaigns whose signatures changed (public caches keep names out). */
  constructor(
    db: Db,
    private readonly onErased: (campaignIds: number[]) => void = () => {},
  ) {
    super(db);
    this.vault = db.vault;
  }

  async findSupporter(canonicalEmail: string): Promise<{ id: number } | undefined> {
    const row = await this.db
      .selectFrom('supporters')
      .select('id')
      .where('email_index', 'in', this.vault.indexes(canonicalEmail))
      .where('status', '!=', 'erased')
      .executeTakeFirst();
    return row ? { id: Number(row.id) } : undefined;
  }

  async issueLink(link: Parameters<PrivacyStore['issueLink']>[0]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('my_data_tokens')
        .values({
          token_hash: link.tokenHash,
          kind: 'link',
          supporter_id: link.supporterId,
          created_at: link.now,
          expires_at: link.expiresAt,
          used_at: null,
        })
        .execute();
      await enqueueJobs(trx, [{ kind: sendMyDataMailJob, payload: link.mail }], link.now);
    });
  }

  async linkUsable(linkHash: string, now: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('my_data_tokens')
      .select('token_hash')
      .where(unusedLink(linkHash, now))
      .executeTakeFirst();
    return row !== undefined;
  }

  async openLink(
    linkHash: string,
    session: { tokenHash: string; expiresAt: number },
    now: number,
  ): Promise<'opened' | 'invalid'> {
    return this.db.transaction().execute(async (trx) => {
      // The update is the check: of two simultaneous clicks only one finds the link unused.
      const used = await trx
        .updateTable('my_data_tokens')
        .set({ used_at: now })
        .where(unusedLink(linkHash, now))
        .returning('supporter_id')
        .executeTakeFirst();
      if (!used) return 'invalid';
      await trx
        .insertInto('my_data_tokens')
        .values({
          token_hash: session.tokenHash,
          kind: 'session',
          supporter_id: used.supporter_id === null ? null : Number(used.supporter_id),
          created_at: now,
          expires_at: session.expiresAt,
          used_at: null,
        })
        .execute();
      return 'opened';
    });
  }

  async session(tokenHash: string, now: number): Promise<{ supporterId: number | null } | undefined> {
    const row = await this.db
      .selectFrom('my_data_tokens')
      .select('supporter_id')
      .where('token_hash', '=', tokenHash)
      .where('kind', '=', 'session')
      .where('expires_at', '>', now)
      .executeTakeFirst();
    if (!row) return undefined;
    return { supporterId: row.supporter_id === null ? null : Number(row.supporter_id) };
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('my_data_tokens').where('token_hash', '=', tokenHash).execute();
  }

  async data(supporterId: number): Promise<MyData | undefined> {
    const s = await liveSupporter(this.db, supporterId).selectAll().executeTakeFirst();
    if (!s) return undefined;
    const signatures = await this.db
      .selectFrom('signatures as g')
      .innerJoin('campaigns as c', 'c.id', 'g.campaign_id')
      .leftJoin('campaign_translations as t', onSourceText)
      .select([
        'g.id',
        'c.slug',
        't.headline',
        'g.status',
        'g.locale',
        'g.name',
        'g.union_name',
        'g.country',
        'g.message',
        'g.created_at',
        'g.confirmed_at',
      ])
      .where('g.supporter_id', '=', supporterId)
      .orderBy('g.created_at')
      .orderBy('g.id')
      .execute();
    const consents = await this.db
      .selectFrom('consents as k')
      .leftJoin('campaigns as c', 'c.id', 'k.campaign_id')
      .select([
        'k.id',
        'c.slug',
        'k.scope',
        'k.text',
        'k.version',
        'k.locale',
        'k.given_at',
        'k.withdrawn_at',
      ])
      .where('k.supporter_id', '=', supporterId)
      .orderBy('k.given_at')
      .orderBy('k.id')
      .execute();
    const lists = await this.db
      .selectFrom('list_members as m')
      .leftJoin('consents as k', 'k.id', 'm.consent_id')
      .select([
        'm.locale',
        'm.status',
        'm.source',
        'm.created_at',
        'm.subscribed_at',
        'm.unsubscribed_at',
        'k.text',
      ])
      .where('m.supporter_id', '=', supporterId)
      .orderBy('m.locale')
      .execute();
    const ms = (v: number | null) => (v === null ? null : Number(v));
    return {
      supporter: {
        id: Number(s.id),
        email: s.email,
        name: s.name,
        locale: s.locale,
        country: s.country,
        unionName: s.union_name,
        createdAt: Number(s.created_at),
      },
      signatures: signatures.map((g) => ({
        id: Number(g.id),
        campaignSlug: g.slug,
        campaignHeadline: g.headline ?? g.slug,
        status: g.status,
        locale: g.locale,
        name: g.name,
        unionName: g.union_name,
        country: g.country,
        message: g.message,
        createdAt: Number(g.created_at),
        confirmedAt: g.confirmed_at === null ? null : Number(g.confirmed_at),
      })),
      consents: consents.map((k) => ({
        id: Number(k.id),
        campaignSlug: k.slug,
        scope: k.scope,
        text: k.text,
        version: k.version,
        locale: k.locale,
        givenAt: Number(k.given_at),
        withdrawnAt: k.withdrawn_at === null ? null : Number(k.withdrawn_at),
      })),
      lists: lists.map((m) => ({
        locale: m.locale,
        status: m.status,
        source: m.source,
        createdAt: Number(m.created_at),
        subscribedAt: ms(m.subscribed_at),
        unsubscribedAt: ms(m.unsubscribed_at),
        consentText: m.text,
      })),
    };
  }

  async withdrawConsent(supporterId: number, consentId: number, now: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      // A list membership resting on this consent ends with it, through the one way out of the lists.
      const members = await trx
        .selectFrom('list_members')
        .select('locale')
        .where('supporter_id', '=', supporterId)
        .where('consent_id', '=', consentId)
        .where('status', '!=', 'unsubscribed')
        .execute();
      for (const m of members) {
        await leaveLists(trx, { supporterId, locale: m.locale, via: 'my-data', now });
      }
      const result = await trx
        .updateTable('consents')
        .set({ withdrawn_at: now, withdrawn_via: 'my-data' })
        .where('id', '=', consentId)
        .where('supporter_id', '=', supporterId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0 || members.length > 0;
    });
  }

  async recordExport(supporterId: number, actor: { id: number; email: string }, now: number): Promise<void> {
    await recordAudit(this.db, {
      actor,
      action: 'supporter.exported',
      entityType: 'supporter',
      entityId: supporterId,
      now,
    });
  }

  async erase(command: EraseCommand): Promise<ErasureCounts | undefined> {
    const { supporterId, now } = command;
    const outcome = await this.db.transaction().execute(async (trx) => {
      const s = await liveSupporter(trx, supporterId).select(['email']).executeTakeFirst();
      if (!s) return undefined;
      const campaigns = await trx
        .selectFrom('signatures')
        .select('campaign_id')
        .distinct()
        .where('supporter_id', '=', supporterId)
        .execute();
      const ofSupporter = trx.selectFrom('signatures').select('id').where('supporter_id', '=', supporterId);
      const cancelled = await trx
        .deleteFrom('messages')
        .where('signature_id', 'in', ofSupporter)
        .where((eb) =>
          eb.or([
            eb('status', 'in', unsentMessageStatuses),
            // Gathered into a digest that has not gone yet: the digest is composed without them.
            eb.and([
              eb('status', '=', 'digested'),
              eb(
                'digest_id',
                'in',
                eb.selectFrom('messages as d').select('d.id').where('d.status', 'in', unsentMessageStatuses),
              ),
            ]),
          ]),
        )
        .executeTakeFirst();
      // Country, language, source, status and dates stay: the counts and anonymised statistics.
      const signatures = await trx
        .updateTable('signatures')
        .set({ name: '', union_name: null, message: '', ip_hash: null, confirm_token_hash: null })
        .where('supporter_id', '=', supporterId)
        .executeTakeFirst();
      // Their signatures stay in the campaigns' logs (earlier tree heads still verify); the salts that tied
      // each leaf to a name go (docs/decisions/0031-signature-log.md).
      await trx
        .updateTable('signature_log')
        .set({ salt: null })
        .where('signature_id', 'in', (eb) =>
          eb.selectFrom('signatures').select('id').where('supporter_id', '=', supporterId),
        )
        .execute();
      const consents = await trx
        .updateTable('consents')
        .set({ withdrawn_at: now, withdrawn_via: 'erasure' })
        .where('supporter_id', '=', supporterId)
        .where('withdrawn_at', 'is', null)
        .executeTakeFirst();
      // Off every list, and out of every mailing not yet sent to them: the row that stays names nobody,
      // and nothing may be mailed to it (the rows would go with the person's, were it deleted).
      await trx.deleteFrom('list_members').where('supporter_id', '=', supporterId).execute();
      await trx
        .deleteFrom('mailing_recipients')
        .where('supporter_id', '=', supporterId)
        .where('status', '=', 'queued')
        .execute();
      // The row stays (signatures point to it) with nothing left that names anyone.
      await trx
        .updateTable('supporters')
        .set({
          email: '',
          email_index: sql<string>`${'erased:'} || ${String(supporterId)}`,
          email_domain_index: null,
          name: '',
          country: null,
          union_name: null,
          status: 'erased',
          updated_at: now,
        })
        .where('id', '=', supporterId)
        .execute();
      await trx.deleteFrom('my_data_tokens').where('supporter_id', '=', supporterId).execute();
      const counts: ErasureCounts = {
        signatures: Number(signatures.numUpdatedRows),
        consentsWithdrawn: Number(consents.numUpdatedRows),
        messagesCancelled: Number(cancelled.numDeletedRows),
      };
      await trx
        .insertInto('erasures')
        .values({
          email_hmac: command.keyedHash(canonicalOf(s.email)),
          via: command.via,
          signatures: counts.signatures,
          created_at: now,
        })
        .execute();
      if (command.actor) {
        await recordAudit(trx, {
          actor: command.actor,
          action: 'supporter.erased',
          entityType: 'supporter',
          entityId: supporterId,
          after: counts,
          now,
        });
      }
      return { counts, campaignIds: campaigns.map((c) => Number(c.campaign_id)) };
    });
    if (!outcome) return undefined;
    this.onErased(outcome.campaignIds);
    return outcome.counts;
  }

  async anonymiseClosedBefore(cutoff: number): Promise<number> {
    const closed = this.db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'closed')
      .where('closed_at', '<', cutoff);
    await this.db
      .updateTable('signature_log')
      .set({ salt: null })
      .where('campaign_id', 'in', closed)
      .where('salt', 'is not', null)
      .execute();
    const result = await this.db
      .updateTable('signatures')
      .set({ name: '', union_name: null, message: '', ip_hash: null, confirm_token_hash: null })
      .where('campaign_id', 'in', closed)
      .where((eb) =>
        eb.or([
          eb('name', '!=', ''),
          eb('message', '!=', ''),
          eb('union_name', 'is not', null),
          eb('ip_hash', 'is not', null),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  async dropPendingSignupsBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('list_members')
      .where('status', '=', 'pending')
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async supportersOnlyClosedBefore(cutoff: number, limit: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('supporters as p')
      .select('p.id')
      .where('p.status', '!=', 'erased')
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('list_members as m')
              .select('m.id')
              .whereRef('m.supporter_id', '=', 'p.id')
              .where('m.status', 'in', ['subscribed', 'pending']),
          ),
        ),
      )
      .where(({ exists, not, selectFrom }) =>
        not(
          exists(
            selectFrom('signatures as g')
              .innerJoin('campaigns as c', 'c.id', 'g.campaign_id')
              .select('g.id')
              .whereRef('g.supporter_id', '=', 'p.id')
              .where((eb) =>
                eb.or([
                  eb('c.status', '!=', 'closed'),
                  eb('c.closed_at', 'is', null),
                  eb('c.closed_at', '>=', cutoff),
                ]),
              ),
          ),
        ),
      )
      .orderBy('p.id')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.id));
  }

  async deleteAuditBefore(cutoff: number): Promise<number> {
    const result = await this.db
      .deleteFrom('audit_events')
      .where('created_at', '<', cutoff)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async clearDeliveryLogsBefore(cutoff: number): Promise<number> {
    // Only what is over (sent, bounced, failed…): a letter still waiting keeps the address it will use.
    const letters = await this.db
      .updateTable('messages')
      .set({ to_address: null, last_error: null, message_id_header: null })
      .where('status', 'not in', [...unsentMessageStatuses, 'sending'])
      .where((eb) => eb(eb.fn.coalesce('sent_at', 'last_attempt_at', 'created_at'), '<', cutoff))
      .where((eb) =>
        eb.or([
          eb('to_address', 'is not', null),
          eb('last_error', 'is not', null),
          eb('message_id_header', 'is not', null),
        ]),
      )
      .executeTakeFirst();
    const mailings = await this.db
      .updateTable('mailing_recipients')
      .set({ last_error: null })
      .where('status', 'in', ['sent', 'failed', 'bounced'])
      .where((eb) => eb(eb.fn.coalesce('sent_at', 'bounced_at', 'next_attempt_at'), '<', cutoff))
      .where('last_error', 'is not', null)
      .executeTakeFirst();
    return Number(letters.numUpdatedRows) + Number(mailings.numUpdatedRows);
  }

  async recordReport(report: RetentionReport, now: number): Promise<void> {
    await recordAudit(this.db, {
      actor: null,
      action: 'retention.purged',
      entityType: 'retention',
      entityId: 'daily',
      after: report,
      now,
    });
  }
}
