// The dossiers editors asked for (migration 0020): the row and its build job written together, progress and
// the finished file from the worker, the campaign's list for the editor page, the download, and the daily
// deletion of dossiers past their time. The file's bytes are read only by `file()`, never by the lists.
import { type Kysely, sql } from 'kysely';
import {
  buildDossierJob,
  type DossierFailure,
  type DossierKind,
  type DossierRequest,
  type DossierStatus,
  type DossierStore,
  type NewDossier,
} from '../domain/petition/dossier.js';
import { enqueueJobs } from './job.repository.js';
import { KyselyStore } from './kysely-store.js';
import type { Database } from './schema.js';

const columns = [
  'dossiers.id',
  'dossiers.campaign_id',
  'campaigns.slug',
  'dossiers.kind',
  'dossiers.locale',
  'dossiers.countries',
  'dossiers.status',
  'dossiers.done',
  'dossiers.total',
  'dossiers.pages',
  'dossiers.signers',
  'dossiers.error',
  'dossiers.created_at',
  'dossiers.finished_at',
  'dossiers.expires_at',
] as const;

/**
 * A dossier's row and its build job, inside the caller's transaction: an editor's request here, a
 * campaign's close in campaign-lifecycle.repository.ts (no account when the end-date job closes it).
 */
export async function insertDossier(
  trx: Kysely<Database>,
  dossier: Omit<NewDossier, 'createdBy'> & { createdBy: number | null },
): Promise<number> {
  const { id } = await trx
    .insertInto('dossiers')
    .values({
      campaign_id: dossier.campaignId,
      kind: dossier.kind,
      locale: dossier.locale,
      countries: dossier.countries.join(' '),
      created_by: dossier.createdBy,
      created_at: dossier.now,
      expires_at: dossier.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await enqueueJobs(trx, [{ kind: buildDossierJob, payload: { dossierId: Number(id) } }], dossier.now);
  return Number(id);
}

export class DossierRepository extends KyselyStore implements DossierStore {
  private select() {
    return this.db
      .selectFrom('dossiers')
      .innerJoin('campaigns', 'campaigns.id', 'dossiers.campaign_id')
      .select([...columns, sql<number | null>`length(dossiers.file)`.as('size')]);
  }

  create(dossier: NewDossier): Promise<number> {
    return this.db.transaction().execute((trx) => insertDossier(trx, dossier));
  }

  async find(id: number): Promise<DossierRequest | undefined> {
    const row = await this.select().where('dossiers.id', '=', id).executeTakeFirst();
    return row && toDossier(row);
  }

  async listForCampaign(campaignId: number, limit: number): Promise<DossierRequest[]> {
    const rows = await this.select()
      .where('dossiers.campaign_id', '=', campaignId)
      .orderBy('dossiers.created_at', 'desc')
      .orderBy('dossiers.id', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toDossier);
  }

  async progress(
    id: number,
    change: { status: 'running'; done: number; total: number; pages: number },
  ): Promise<void> {
    await this.db.updateTable('dossiers').set(change).where('id', '=', id).execute();
  }

  async finish(id: number, result: { file: Uint8Array; pages: number; signers: number; now: number }) {
    await this.db
      .updateTable('dossiers')
      .set({
        status: 'done' satisfies DossierStatus,
        file: Buffer.from(result.file.buffer, result.file.byteOffset, result.file.byteLength),
        pages: result.pages,
        signers: result.signers,
        finished_at: result.now,
      })
      .where('id', '=', id)
      .execute();
  }

  async fail(id: number, reason: DossierFailure, now: number): Promise<void> {
    await this.db
      .updateTable('dossiers')
      .set({ status: 'failed' satisfies DossierStatus, error: reason, finished_at: now })
      .where('id', '=', id)
      .execute();
  }

  async file(id: number): Promise<Uint8Array | undefined> {
    const row = await this.db
      .selectFrom('dossiers')
      .select('file')
      .where('id', '=', id)
      .where('status', '=', 'done')
      .executeTakeFirst();
    return row?.file ?? undefined;
  }

  async purgeExpired(now: number): Promise<number> {
    const result = await this.db.deleteFrom('dossiers').where('expires_at', '<=', now).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}

type Row = {
  id: number;
  campaign_id: number;
  slug: string;
  kind: string;
  locale: string;
  countries: string;
  status: string;
  done: number;
  total: number;
  pages: number;
  signers: number;
  error: string | null;
  created_at: number;
  finished_at: number | null;
  expires_at: number;
  size: number | null;
};

function toDossier(r: Row): DossierRequest {
  return {
    id: Number(r.id),
    campaignId: Number(r.campaign_id),
    slug: r.slug,
    kind: r.kind as DossierKind,
    locale: r.locale,
    countries: r.countries ? r.countries.split(' ') : [],
    status: r.status as DossierStatus,
    done: Number(r.done),
    total: Number(r.total),
    pages: Number(r.pages),
    signers: Number(r.signers),
    size: r.size === null ? null : Number(r.size),
    error: r.error,
    createdAt: Number(r.created_at),
    finishedAt: r.finished_at === null ? null : Number(r.finished_at),
    expiresAt: Number(r.expires_at),
  };
}
