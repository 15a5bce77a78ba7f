// The petition's signers (domain/petition/petition.ts): counted signatures only, never those of erased
// supporters nor (publicly) hidden ones, newest first as keyset pages on (confirmed_at, id) so that a page
// link shows the same people however many sign meanwhile (idx_signatures_petition, migration 0010); and
// editors hiding a signer, audited in the same transaction; the CSV export's batches and audit entry.
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { AuditEntry, AuditRecorder } from '../domain/account/account.ports.js';
import type { ExportFilter, ExportRow, PetitionExporter } from '../domain/petition/export-signers.js';
import type {
  HideChange,
  PetitionModeration,
  PetitionPageQuery,
  PetitionReader,
  PetitionSignerRow,
} from '../domain/petition/petition.js';
import { countedStatus } from '../domain/signature/signature.js';
import { recordAudit } from './audit.repository.js';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';
import type { SignaturesTable } from './supporter.table.js';

type From = ExpressionBuilder<Database, 'signatures' | 'supporters'>;

/** The signatures a petition may list: counted, their supporter not erased, and (unless asked) not hidden. */
export function visibleSigners(db: Kysely<Database>, campaignId: number, includeHidden = false) {
  const q = db
    .selectFrom('signatures')
    .innerJoin('supporters', 'supporters.id', 'signatures.supporter_id')
    .where('signatures.campaign_id', '=', campaignId)
    .where('signatures.status', '=', countedStatus)
    .where('signatures.confirmed_at', 'is not', null)
    .where('supporters.status', '!=', 'erased');
  return includeHidden ? q : q.where('signatures.petition_hidden_at', 'is', null);
}

/** Past the cursor in keyset order on (confirmed_at, id): `<` going newest first, `>` oldest first. */
const beyond = (cursor: { signedAt: number; id: number }, op: '<' | '>') => (eb: From) =>
  eb.or([
    eb('signatures.confirmed_at', op, cursor.signedAt),
    eb.and([eb('signatures.confirmed_at', '=', cursor.signedAt), eb('signatures.id', op, cursor.id)]),
  ]);

/** What every listing of signers reads: who signed, as what, and when. */
const signerColumns = [
  'signatures.id',
  'signatures.name',
  'signatures.union_name',
  'signatures.country',
  'signatures.petition_anonymous',
  'signatures.confirmed_at',
] as const;

/** A row of `signerColumns` as the domain names it. */
const signerOf = (
  r: Pick<
    Selectable<SignaturesTable>,
    'id' | 'name' | 'union_name' | 'country' | 'petition_anonymous' | 'confirmed_at'
  >,
) => ({
  id: Number(r.id),
  name: r.name,
  union: r.union_name,
  country: r.country,
  anonymous: Number(r.petition_anonymous) === 1,
  signedAt: Number(r.confirmed_at),
});

export class PetitionStore
  extends KyselyStore
  implements PetitionReader, PetitionModeration, PetitionExporter, AuditRecorder
{
  async page(query: PetitionPageQuery): Promise<PetitionSignerRow[]> {
    let q = visibleSigners(this.db, query.campaignId, query.includeHidden);
    if (query.country) q = q.where('signatures.country', '=', query.country);
    if (query.after) q = q.where(beyond(query.after, '<'));
    const rows = await q
      .select([...signerColumns, 'signatures.petition_hidden_at'])
      .orderBy('signatures.confirmed_at', 'desc')
      .orderBy('signatures.id', 'desc')
      .limit(query.limit)
      .execute();
    return rows.map((r) => ({ ...signerOf(r), hidden: r.petition_hidden_at !== null }));
  }

  async countries(campaignId: number): Promise<{ country: string; n: number }[]> {
    const rows = await visibleSigners(this.db, campaignId)
      .where('signatures.country', 'is not', null)
      .select(['signatures.country', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('signatures.country')
      .execute();
    return rows.map((r) => ({ country: r.country ?? '', n: Number(r.n) }));
  }

  /** Keyset batches oldest first: each batch one indexed range query, whatever the export's size. */
  async *signers(campaignId: number, filter: ExportFilter, batchSize = 5_000): AsyncGenerator<ExportRow[]> {
    let after: { signedAt: number; id: number } | null = null;
    for (;;) {
      let q = visibleSigners(this.db, campaignId);
      if (filter.country) q = q.where('signatures.country', '=', filter.country);
      if (filter.locale) q = q.where('signatures.locale', '=', filter.locale);
      if (filter.from !== null) q = q.where('signatures.confirmed_at', '>=', filter.from);
      if (filter.to !== null) q = q.where('signatures.confirmed_at', '<', filter.to);
      if (filter.source) q = q.where('signatures.source', '=', filter.source);
      // The bound on confirmed_at alone is implied by the keyset condition; it is there so that the index
      // seeks to where the last batch ended instead of scanning from the start for every batch.
      if (after) q = q.where('signatures.confirmed_at', '>=', after.signedAt).where(beyond(after, '>'));
      const rows = await q
        .leftJoin('signature_log', 'signature_log.signature_id', 'signatures.id')
        .select([
          ...signerColumns,
          'signatures.locale',
          'signatures.source',
          'signature_log.leaf_index',
          'signature_log.salt',
        ])
        .orderBy('signatures.confirmed_at')
        .orderBy('signatures.id')
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return;
      const batch = rows.map((r) => ({
        ...signerOf(r),
        locale: r.locale,
        source: r.source,
        hidden: false,
        log:
          r.leaf_index === null || r.leaf_index === undefined
            ? null
            : { index: Number(r.leaf_index), salt: r.salt ? new Uint8Array(r.salt) : null },
      }));
      yield batch;
      if (rows.length < batchSize) return;
      const last = batch[batch.length - 1]!;
      after = { signedAt: last.signedAt, id: last.id };
    }
  }

  /** The export's audit entry (who exported which campaign with which filter). */
  record(entry: AuditEntry): Promise<void> {
    return recordAudit(this.db, entry);
  }

  async setHidden(change: HideChange): Promise<'changed' | 'unchanged' | 'not_found'> {
    return this.db.transaction().execute(async (trx) => {
      const row = await visibleSigners(trx, change.campaignId, true)
        .where('signatures.id', '=', change.signatureId)
        .select(['signatures.id', 'signatures.petition_hidden_at'])
        .executeTakeFirst();
      if (!row) return 'not_found';
      if ((row.petition_hidden_at !== null) === change.hidden) return 'unchanged';
      await trx
        .updateTable('signatures')
        .set({
          petition_hidden_at: change.hidden ? change.now : null,
          petition_hidden_by: change.hidden ? change.actor.id : null,
        })
        .where('id', '=', change.signatureId)
        .execute();
      await recordAudit(trx, {
        actor: change.actor,
        action: change.hidden ? 'petition.signer_hidden' : 'petition.signer_shown',
        entityType: 'signature',
        entityId: change.signatureId,
        before: { hidden: !change.hidden },
        after: { hidden: change.hidden, campaignId: change.campaignId },
        now: change.now,
      });
      return 'changed';
    });
  }
}
