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
import type { DataVault } from '../security/data-keys.js';
import { recordAudit } from './audit.repository.js';
import type { Db } from './database.js';
import { chunks } from './delivery-rows.js';
import type { Dialect } from './dialect.js';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';

/**
 * The members subscribed to a list, beside their supporter row. An erased person's row has no address left:
 * whatever their membership says, they are neither shown nor exported.
 */
function subscribedMembers(db: Kysely<Database>) {
  return db
    .selectFrom('list_members')
    .innerJoin('supporters', 'supporters.id', 'list_members.supporter_id')
    .where('list_members.status', '=', 'subscribed')
    .where('supporters.status', '!=', 'erased');
}

/** The three inserts of an import, for one chunk of rows; each dialect has its fastest form. */
interface ImportWrites {
  /** New supporters; their ids by canonical address. */
  supporters(
    trx: Kysely<Database>,
    vault: DataVault,
    locale: string,
    now: number,
    part: ImportCandidate[],
  ): Promise<Map<string, number>>;
  /** One consent record per person; the consents' ids by supporter id. */
  consents(trx: Kysely<Database>, batch: ImportBatch, supporterIds: number[]): Promise<Map<number, number>>;
  members(
    trx: Kysely<Database>,
    locale: string,
    now: number,
    rows: { supporterId: number; consentId: number }[],
  ): Promise<void>;
}

/** SQLite: multi-row VALUES, 500 rows a statement (under SQLite's 32,766 parameters). */
const sqliteWrites: ImportWrites = {
  async supporters(trx, vault, locale, now, part) {
    const canonicalOf = new Map(part.map((c) => [vault.index(c.canonical), c.canonical]));
    const rows = await trx
      .insertInto('supporters')
      .values(
        part.map((c) => ({
          email: c.email,
          email_index: vault.index(c.canonical),
          email_domain_index: vault.domainIndex(c.email),
          name: c.name,
          locale,
          country: c.country,
          union_name: null,
          email_confirmed_at: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning(['id', 'email_index'])
      .execute();
    return new Map(rows.map((r) => [canonicalOf.get(r.email_index)!, Number(r.id)]));
  },
  async consents(trx, batch, supporterIds) {
    const rows = await trx
      .insertInto('consents')
      .values(
        supporterIds.map((id) => ({
          supporter_id: id,
          campaign_id: null,
          scope: 'list',
          text: batch.consent.text,
          version: batch.consent.version,
          locale: batch.locale,
          source: 'import',
          given_at: batch.consent.givenAt,
          withdrawn_at: null,
        })),
      )
      .returning(['id', 'supporter_id'])
      .execute();
    return new Map(rows.map((r) => [Number(r.supporter_id), Number(r.id)]));
  },
  async members(trx, locale, now, rows) {
    await trx
      .insertInto('list_members')
      .values(
        rows.map((r) => ({
          supporter_id: r.supporterId,
          locale,
          status: 'subscribed' as const,
          source: 'import' as const,
          consent_id: r.consentId,
          confirm_token_hash: null,
          created_at: now,
          subscribed_at: now,
          unsubscribed_at: null,
        })),
      )
      .execute();
  },
};

/**
 * PostgreSQL: one array parameter per column (`unnest`), so a 5,000-row statement has a handful of
 * parameters instead of 45,000; building and sending those parameters was most of the import's time.
 */
const pgWrites: ImportWrites = {
  // Plain SQL: the Kysely plugin does not see these values, so they are sealed and indexed here.
  async supporters(trx, vault, locale, now, part) {
    const canonicalOf = new Map(part.map((c) => [vault.index(c.canonical), c.canonical]));
    const { rows } = await sql<{ id: number; email_index: string }>`
      insert into supporters (email, email_index, email_domain_index, name, locale, country, created_at,
                              updated_at)
      select e, c, d, n, ${locale}, k, ${now}::bigint, ${now}::bigint
      from unnest(${part.map((p) => vault.seal('supporters.email', p.email))}::text[],
                  ${[...canonicalOf.keys()]}::text[],
                  ${part.map((p) => vault.domainIndex(p.email))}::text[],
                  ${part.map((p) => vault.seal('supporters.name', p.name))}::text[],
                  ${part.map((p) => p.country)}::text[]) as t(e, c, d, n, k)
      returning id, email_index`.execute(trx);
    return new Map(rows.map((r) => [canonicalOf.get(r.email_index)!, Number(r.id)]));
  },
  async consents(trx, batch, supporterIds) {
    const { rows } = await sql<{ id: number; supporter_id: number }>`
      insert into consents (supporter_id, scope, text, version, locale, source, given_at)
      select s, 'list', ${batch.consent.text}, ${batch.consent.version}, ${batch.locale}, 'import',
             ${batch.consent.givenAt}::bigint
      from unnest(${supporterIds}::bigint[]) as t(s)
      returning id, supporter_id`.execute(trx);
    return new Map(rows.map((r) => [Number(r.supporter_id), Number(r.id)]));
  },
  async members(trx, locale, now, rows) {
    await sql`
      insert into list_members (supporter_id, locale, status, source, consent_id, created_at, subscribed_at)
      select s, ${locale}, 'subscribed', 'import', c, ${now}::bigint, ${now}::bigint
      from unnest(${rows.map((r) => r.supporterId)}::bigint[], ${rows.map((r) => r.consentId)}::bigint[]) as t(s, c)
    `.execute(trx);
  },
};

export class ListAdminRepository extends KyselyStore implements ListAdminStore {
  private readonly dialect: Dialect;
  private readonly vault: DataVault;
  constructor(db: Db) {
    super(db);
    this.dialect = db.dialect;
    this.vault = db.vault;
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
    const rows = await subscribedMembers(this.db)
      .select([
        'supporters.email',
        'list_members.locale',
        'list_members.source',
        'list_members.subscribed_at',
      ])
      .where('list_members.subscribed_at', 'is not', null)
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

  /**
   * Addresses are sealed, so a search cannot run in SQL: the suppressed rows are read in keyset batches,
   * opened, and matched here until the page is full (suppressed addresses are few: bounces and complaints).
   */
  async suppressed(query: SuppressedQuery): Promise<SuppressedAddress[]> {
    const needle = query.search.toLowerCase();
    const found: SuppressedAddress[] = [];
    let after = query.after;
    const batch = query.search === '' ? query.limit : Math.max(query.limit, 1_000);
    for (;;) {
      let q = this.db
        .selectFrom('supporters')
        .select(['id', 'email', 'mail_suppressed_at', 'mail_suppressed_reason'])
        .where('mail_suppressed_at', 'is not', null)
        .where('mail_suppressed_reason', 'is not', null);
      const cursor = after;
      if (cursor) {
        q = q.where((eb) =>
          eb.or([
            eb('mail_suppressed_at', '<', cursor.suppressedAt),
            eb.and([eb('mail_suppressed_at', '=', cursor.suppressedAt), eb('id', '<', cursor.id)]),
          ]),
        );
      }
      const rows = await q.orderBy('mail_suppressed_at', 'desc').orderBy('id', 'desc').limit(batch).execute();
      for (const r of rows) {
        if (needle !== '' && !r.email.toLowerCase().includes(needle)) continue;
        found.push({
          id: Number(r.id),
          email: r.email,
          reason: r.mail_suppressed_reason!,
          suppressedAt: Number(r.mail_suppressed_at),
        });
        if (found.length === query.limit) return found;
      }
      const last = rows[rows.length - 1];
      if (!last || rows.length < batch) return found;
      after = { suppressedAt: Number(last.mail_suppressed_at), id: Number(last.id) };
    }
  }

  importSubscribers(batch: ImportBatch): Promise<Map<number, StoredOutcome>> {
    return this.db.transaction().execute(async (trx) => {
      const outcomes = new Map<number, StoredOutcome>();
      const added: ImportCandidate[] = [];
      /** Existing supporters joining: with their pending membership's id when they have one. */
      const joining: { candidate: ImportCandidate; supporterId: number; memberId: number | null }[] = [];
      let checked = 0;
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
            .select(['id', 'email_index', 'mail_suppressed_at'])
            .where(
              'email_index',
              'in',
              part.flatMap((c) => this.vault.indexes(c.canonical)),
            )
            .execute(),
        ]);
        const erasedKeys = new Set(erased.map((r) => r.email_hmac));
        const byIndex = new Map(existing.map((r) => [r.email_index, r]));
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
          const s = this.vault
            .indexes(c.canonical)
            .map((i) => byIndex.get(i))
            .find((r) => r !== undefined);
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
        checked += part.length;
        await batch.progress?.({ phase: 'checking', done: checked, total: batch.candidates.length });
      }

      const now = batch.consent.givenAt;
      const writes = this.dialect === 'postgres' ? pgWrites : sqliteWrites;
      const size = this.dialect === 'postgres' ? 5_000 : 500;
      const supporterIds = new Map<number, number>();
      // Saving counts each new supporter once and each membership once.
      const toSave = added.length * 2 + joining.length;
      let saved = 0;
      const step = async (n: number) => {
        saved += n;
        await batch.progress?.({ phase: 'saving', done: saved, total: toSave });
      };
      for (const part of chunks(added, size)) {
        const idOf = await writes.supporters(trx, this.vault, batch.locale, now, part);
        for (const c of part) {
          supporterIds.set(c.row, idOf.get(c.canonical)!);
          outcomes.set(c.row, 'added');
        }
        await step(part.length);
      }
      const joiners = [
        ...added.map((c) => ({ supporterId: supporterIds.get(c.row)!, memberId: null as number | null })),
        ...joining.map((j) => ({ supporterId: j.supporterId, memberId: j.memberId })),
      ];
      for (const j of joining) outcomes.set(j.candidate.row, 'joined');

      for (const part of chunks(joiners, size)) {
        const consentOf = await writes.consents(
          trx,
          batch,
          part.map((j) => j.supporterId),
        );
        const fresh = part.filter((j) => j.memberId === null);
        if (fresh.length > 0) {
          await writes.members(
            trx,
            batch.locale,
            now,
            fresh.map((j) => ({ supporterId: j.supporterId, consentId: consentOf.get(j.supporterId)! })),
          );
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
        await step(part.length);
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
      const rows = await subscribedMembers(this.db)
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
