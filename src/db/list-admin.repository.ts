// Storage behind the editor's lists page (domain/list-admin): counts per language list, the newest joins,
// suppressed addresses by keyset, the CSV import as one transaction of multi-row statements (500 rows per
// statement: a 100,000-row file is a few hundred round trips, not half a million), and a list read back in
// id order for its export.
import { type Kysely, sql } from 'kysely';
import type { AuditEntry } from '../domain/account/account.ports.js';
import type {
  ExportMember,
  ImportBatch,
  ImportCandidate,
  ListAdminStore,
  ListSummary,
  RecentJoin,
  StoredOutcome,
  SuppressedAddress,
  SuppressedQuery,
} from '../domain/list-admin/list-admin.ports.js';
import { recordAudit } from './audit.repository.js';
import type { Db } from './database.js';
import { chunks } from './delivery-rows.js';
import type { Database } from './schema.js';

/** `%` and `_` typed in a search are letters, not wildcards. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export class ListAdminRepository implements ListAdminStore {
  private readonly db: Kysely<Database>;
  constructor(db: Db) {
    this.db = db.kysely;
  }

  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }

  async lists(): Promise<ListSummary[]> {
    const rows = await this.db
      .selectFrom('list_members')
      .select([
        'locale',
        'status',
        (eb) => eb.fn.countAll<number>().as('n'),
        (eb) => eb.fn.max('subscribed_at').as('last'),
      ])
      .groupBy(['locale', 'status'])
      .execute();
    const byLocale = new Map<string, ListSummary>();
    for (const r of rows) {
      let list = byLocale.get(r.locale);
      if (!list) {
        list = { locale: r.locale, subscribed: 0, pending: 0, unsubscribed: 0, lastJoinedAt: null };
        byLocale.set(r.locale, list);
      }
      list[r.status] = Number(r.n);
      if (r.status === 'subscribed' && r.last !== null) list.lastJoinedAt = Number(r.last);
    }
    // Biggest list first: that is how editors think of them (English 74,628 … Sinhalese 1).
    return [...byLocale.values()].sort(
      (a, b) => b.subscribed - a.subscribed || a.locale.localeCompare(b.locale),
    );
  }

  async recentJoins(limit: number): Promise<RecentJoin[]> {
    const rows = await this.db
      .selectFrom('list_members')
      .innerJoin('supporters', 'supporters.id', 'list_members.supporter_id')
      .select([
        'supporters.email',
        'list_members.locale',
        'list_members.source',
        'list_members.subscribed_at',
      ])
      .where('list_members.status', '=', 'subscribed')
      .where('list_members.subscribed_at', 'is not', null)
      .where('supporters.status', '!=', 'erased')
      .orderBy('list_members.subscribed_at', 'desc')
      .orderBy('list_members.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      email: r.email,
      locale: r.locale,
      source: r.source,
      joinedAt: Number(r.subscribed_at),
    }));
  }

  async campaignLocales(): Promise<string[]> {
    const [sources, translations] = await Promise.all([
      this.db.selectFrom('campaigns').select('source_locale').distinct().execute(),
      this.db.selectFrom('campaign_translations').select('locale').distinct().execute(),
    ]);
    return [
      ...new Set([...sources.map((r) => r.source_locale), ...translations.map((r) => r.locale)]),
    ].sort();
  }

  async suppressed(query: SuppressedQuery): Promise<SuppressedAddress[]> {
    let q = this.db
      .selectFrom('supporters')
      .select(['id', 'email', 'mail_suppressed_at', 'mail_suppressed_reason'])
      .where('mail_suppressed_at', 'is not', null)
      .where('mail_suppressed_reason', 'is not', null);
    if (query.search !== '') {
      const pattern = `%${likeEscape(query.search)}%`;
      q = q.where(sql<boolean>`lower(email) like ${pattern} escape '\\'`);
    }
    const after = query.after;
    if (after) {
      q = q.where((eb) =>
        eb.or([
          eb('mail_suppressed_at', '<', after.suppressedAt),
          eb.and([eb('mail_suppressed_at', '=', after.suppressedAt), eb('id', '<', after.id)]),
        ]),
      );
    }
    const rows = await q
      .orderBy('mail_suppressed_at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      email: r.email,
      reason: r.mail_suppressed_reason!,
      suppressedAt: Number(r.mail_suppressed_at),
    }));
  }

  importSubscribers(batch: ImportBatch): Promise<Map<number, StoredOutcome>> {
    return this.db.transaction().execute(async (trx) => {
      const outcomes = new Map<number, StoredOutcome>();
      const added: ImportCandidate[] = [];
      /** Existing supporters joining: with their pending membership's id when they have one. */
      const joining: { candidate: ImportCandidate; supporterId: number; memberId: number | null }[] = [];
      for (const part of chunks(batch.candidates)) {
        const [erased, existing] = await Promise.all([
          trx
            .selectFrom('erasures')
            .select('email_hmac')
            .where(
              'email_hmac',
              'in',
              part.map((c) => c.erasedKey),
            )
            .execute(),
          trx
            .selectFrom('supporters')
            .select(['id', 'email_canonical', 'mail_suppressed_at'])
            .where(
              'email_canonical',
              'in',
              part.map((c) => c.canonical),
            )
            .execute(),
        ]);
        const erasedKeys = new Set(erased.map((r) => r.email_hmac));
        const supporters = new Map(existing.map((r) => [r.email_canonical, r]));
        const members =
          existing.length === 0
            ? []
            : await trx
                .selectFrom('list_members')
                .select(['id', 'supporter_id', 'status'])
                .where('locale', '=', batch.locale)
                .where(
                  'supporter_id',
                  'in',
                  existing.map((r) => r.id),
                )
                .execute();
        const memberOf = new Map(members.map((m) => [Number(m.supporter_id), m]));
        for (const c of part) {
          const s = supporters.get(c.canonical);
          const member = s ? memberOf.get(Number(s.id)) : undefined;
          // An erased person is refused even if they signed again since: the erasure is the stronger word.
          if (erasedKeys.has(c.erasedKey)) outcomes.set(c.row, 'erased');
          else if (!s) added.push(c);
          else if (s.mail_suppressed_at !== null) outcomes.set(c.row, 'skipped_suppressed');
          else if (member?.status === 'unsubscribed') outcomes.set(c.row, 'skipped_unsubscribed');
          else if (member?.status === 'subscribed') outcomes.set(c.row, 'already_on_list');
          // No membership yet, or a sign-up still waiting for its confirmation: the import's consent counts.
          else
            joining.push({
              candidate: c,
              supporterId: Number(s.id),
              memberId: member ? Number(member.id) : null,
            });
        }
      }

      const now = batch.consent.givenAt;
      const supporterIds = new Map<number, number>();
      for (const part of chunks(added)) {
        const rows = await trx
          .insertInto('supporters')
          .values(
            part.map((c) => ({
              email: c.email,
              email_canonical: c.canonical,
              name: c.name,
              locale: batch.locale,
              country: c.country,
              union_name: null,
              email_confirmed_at: null,
              created_at: now,
              updated_at: now,
            })),
          )
          .returning(['id', 'email_canonical'])
          .execute();
        const idOf = new Map(rows.map((r) => [r.email_canonical, Number(r.id)]));
        for (const c of part) {
          supporterIds.set(c.row, idOf.get(c.canonical)!);
          outcomes.set(c.row, 'added');
        }
      }
      const joiners = [
        ...added.map((c) => ({ supporterId: supporterIds.get(c.row)!, memberId: null as number | null })),
        ...joining.map((j) => ({ supporterId: j.supporterId, memberId: j.memberId })),
      ];
      for (const j of joining) outcomes.set(j.candidate.row, 'joined');

      for (const part of chunks(joiners)) {
        const consents = await trx
          .insertInto('consents')
          .values(
            part.map((j) => ({
              supporter_id: j.supporterId,
              campaign_id: null,
              scope: 'list',
              text: batch.consent.text,
              version: batch.consent.version,
              locale: batch.locale,
              source: 'import',
              given_at: now,
              withdrawn_at: null,
            })),
          )
          .returning(['id', 'supporter_id'])
          .execute();
        const consentOf = new Map(consents.map((r) => [Number(r.supporter_id), Number(r.id)]));
        const fresh = part.filter((j) => j.memberId === null);
        if (fresh.length > 0) {
          await trx
            .insertInto('list_members')
            .values(
              fresh.map((j) => ({
                supporter_id: j.supporterId,
                locale: batch.locale,
                status: 'subscribed' as const,
                source: 'import' as const,
                consent_id: consentOf.get(j.supporterId)!,
                confirm_token_hash: null,
                created_at: now,
                subscribed_at: now,
                unsubscribed_at: null,
              })),
            )
            .execute();
        }
        // Pending sign-ups are few: one update each.
        for (const j of part) {
          if (j.memberId === null) continue;
          await trx
            .updateTable('list_members')
            .set({
              status: 'subscribed',
              source: 'import',
              consent_id: consentOf.get(j.supporterId)!,
              confirm_token_hash: null,
              subscribed_at: now,
            })
            .where('id', '=', j.memberId)
            .execute();
        }
      }

      const counts = {
        added: 0,
        joined: 0,
        already_on_list: 0,
        skipped_unsubscribed: 0,
        skipped_suppressed: 0,
        erased: 0,
      } satisfies Record<StoredOutcome, number>;
      for (const outcome of outcomes.values()) counts[outcome]++;
      await recordAudit(trx, batch.audit(counts));
      return outcomes;
    });
  }

  /** Keyset batches in id order (the order people joined): each batch one indexed range query. */
  async *members(locale: string, batchSize = 2_000): AsyncGenerator<ExportMember[]> {
    let after = 0;
    for (;;) {
      const rows = await this.db
        .selectFrom('list_members')
        .innerJoin('supporters', 'supporters.id', 'list_members.supporter_id')
        .leftJoin('consents', 'consents.id', 'list_members.consent_id')
        .select([
          'list_members.id',
          'supporters.email',
          'supporters.name',
          'supporters.country',
          'list_members.subscribed_at',
          'list_members.source',
          'consents.text',
        ])
        .where('list_members.locale', '=', locale)
        .where('list_members.status', '=', 'subscribed')
        // An erased person's row has no address left; whatever their membership says, they are not exported.
        .where('supporters.status', '!=', 'erased')
        .where('list_members.id', '>', after)
        .orderBy('list_members.id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return;
      yield rows.map((r) => ({
        email: r.email,
        name: r.name,
        country: r.country,
        joinedAt: r.subscribed_at === null ? null : Number(r.subscribed_at),
        source: r.source,
        consentText: r.text,
      }));
      if (rows.length < batchSize) return;
      after = Number(rows[rows.length - 1]!.id);
    }
  }
}
