// Storage of the campaigns' signature logs (domain/signature-log/, migration 0019): the log job's reads
// and appends, the heads it signs, and the leaves and heads exports and verification read. The one place
// that reads a signature's fields into a log record (`recordOf`), so a change to how names are stored
// reaches the log here.
import { type Kysely, type Selectable, sql } from 'kysely';
import { countedStatus } from '../domain/signature/signature.js';
import type { Hash } from '../domain/signature-log/merkle.js';
import type {
  NewLogEntry,
  PendingSignature,
  SignatureLogStore,
} from '../domain/signature-log/signature-log.ports.js';
import type { SignatureRecord } from '../domain/signature-log/signature-record.js';
import type { SignedTreeHead } from '../domain/signature-log/tree-head.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';
import type { SignatureLogHeadsTable } from './signature-log.table.js';
import type { SignaturesTable } from './supporter.table.js';

/** Campaigns closed this long ago may still see a held signature released; later ones are left alone. */
const closedStillLogged = 7 * 86_400_000;

const bytes = (b: Uint8Array | Buffer): Uint8Array => new Uint8Array(b);

/** A signature's fields as the log's leaf covers them. */
export function recordOf(
  s: Pick<
    Selectable<SignaturesTable>,
    'confirmed_at' | 'name' | 'union_name' | 'country' | 'locale' | 'source'
  >,
): SignatureRecord {
  return {
    signedAt: Number(s.confirmed_at),
    name: s.name,
    union: s.union_name,
    country: s.country,
    language: s.locale,
    source: s.source,
  };
}

const headOf = (r: Selectable<SignatureLogHeadsTable>): SignedTreeHead => ({
  campaignId: Number(r.campaign_id),
  size: Number(r.tree_size),
  root: bytes(r.root_hash),
  timestamp: Number(r.signed_at),
  signature: bytes(r.signature),
});

export class SignatureLogRepository implements SignatureLogStore {
  private readonly db: Kysely<Database>;

  constructor(
    db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.db = db.kysely;
  }

  async campaignsToLog(now: number): Promise<number[]> {
    const rows = await this.db
      .selectFrom('campaigns')
      .select('id')
      .where((eb) =>
        eb.or([
          eb('status', '=', 'live'),
          eb.and([eb('status', '=', 'closed'), eb('closed_at', '>', now - closedStillLogged)]),
        ]),
      )
      .orderBy('id')
      .execute();
    return rows.map((r) => Number(r.id));
  }

  appendPending(
    campaignId: number,
    limit: number,
    leaves: (pending: PendingSignature[]) => NewLogEntry[],
  ): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // A person erased after their entry was appended by a run that read them just before: no salt stays.
      await trx
        .updateTable('signature_log')
        .set({ salt: null })
        .where('campaign_id', '=', campaignId)
        .where('salt', 'is not', null)
        .where('signature_id', 'in', (eb) =>
          eb
            .selectFrom('signatures')
            .innerJoin('supporters', 'supporters.id', 'signatures.supporter_id')
            .select('signatures.id')
            .where('signatures.campaign_id', '=', campaignId)
            .where((w) => w.or([w('supporters.status', '=', 'erased'), w('signatures.name', '=', '')])),
        )
        .execute();
      const rows = await trx
        .selectFrom('signatures')
        .innerJoin('supporters', 'supporters.id', 'signatures.supporter_id')
        .select([
          'signatures.id',
          'signatures.confirmed_at',
          'signatures.name',
          'signatures.union_name',
          'signatures.country',
          'signatures.locale',
          'signatures.source',
          'supporters.status as supporter_status',
        ])
        .where('signatures.campaign_id', '=', campaignId)
        .where('signatures.status', '=', countedStatus)
        .where('signatures.confirmed_at', 'is not', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('signature_log')
                .select(sql.lit(1).as('one'))
                .whereRef('signature_log.signature_id', '=', 'signatures.id'),
            ),
          ),
        )
        .orderBy('signatures.confirmed_at')
        .orderBy('signatures.id')
        .limit(limit)
        .execute();
      if (rows.length === 0) return 0;
      const entries = leaves(
        rows.map((r) => ({
          signatureId: Number(r.id),
          record: recordOf(r),
          personal: r.supporter_status !== 'erased' && r.name !== '',
        })),
      );
      const last = await trx
        .selectFrom('signature_log')
        .select((eb) => eb.fn.max('leaf_index').as('top'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst();
      const start = last?.top === null || last?.top === undefined ? 0 : Number(last.top) + 1;
      const now = this.now();
      for (let i = 0; i < entries.length; i += 500) {
        await trx
          .insertInto('signature_log')
          .values(
            entries.slice(i, i + 500).map((e, j) => ({
              campaign_id: campaignId,
              leaf_index: start + i + j,
              signature_id: e.signatureId,
              leaf_hash: e.leaf,
              salt: e.salt,
              created_at: now,
            })),
          )
          .execute();
      }
      return entries.length;
    });
  }

  async leaves(campaignId: number, size?: number): Promise<Hash[]> {
    let q = this.db
      .selectFrom('signature_log')
      .select('leaf_hash')
      .where('campaign_id', '=', campaignId)
      .orderBy('leaf_index');
    if (size !== undefined) q = q.where('leaf_index', '<', size);
    return (await q.execute()).map((r) => bytes(r.leaf_hash));
  }

  async latestHead(campaignId: number): Promise<SignedTreeHead | undefined> {
    return (await this.heads(campaignId, 1))[0];
  }

  async heads(campaignId: number, limit: number): Promise<SignedTreeHead[]> {
    const rows = await this.db
      .selectFrom('signature_log_heads')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .orderBy('tree_size', 'desc')
      .limit(limit)
      .execute();
    return rows.map(headOf);
  }

  async findHead(campaignId: number, size: number, root: Hash): Promise<SignedTreeHead | undefined> {
    const row = await this.db
      .selectFrom('signature_log_heads')
      .selectAll()
      .where('campaign_id', '=', campaignId)
      .where('tree_size', '=', size)
      .executeTakeFirst();
    const head = row && headOf(row);
    return head && Buffer.from(head.root).equals(Buffer.from(root)) ? head : undefined;
  }

  async saveHead(head: SignedTreeHead): Promise<void> {
    await this.db
      .insertInto('signature_log_heads')
      .values({
        campaign_id: head.campaignId,
        tree_size: head.size,
        root_hash: head.root,
        signed_at: head.timestamp,
        signature: head.signature,
      })
      .execute();
  }
}
