// The public petition's signers (domain/petition/petition.ts): counted signatures only, never hidden ones
// nor those of erased supporters, newest first as keyset pages on (confirmed_at, id) so that a page link
// shows the same people however many sign meanwhile (idx_signatures_petition, migration 0010).
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { PetitionPageQuery, PetitionReader, PetitionSignerRow } from '../domain/petition/petition.js';
import { countedStatus } from '../domain/signature/signature.js';
import type { Db } from './database.js';
import type { Database } from './schema.js';

type From = ExpressionBuilder<Database, 'signatures' | 'supporters'>;

/** The signatures a petition may list: counted, not hidden, their supporter not erased. */
export function visibleSigners(db: Kysely<Database>, campaignId: number) {
  return db
    .selectFrom('signatures')
    .innerJoin('supporters', 'supporters.id', 'signatures.supporter_id')
    .where('signatures.campaign_id', '=', campaignId)
    .where('signatures.status', '=', countedStatus)
    .where('signatures.confirmed_at', 'is not', null)
    .where('signatures.petition_hidden_at', 'is', null)
    .where('supporters.status', '!=', 'erased');
}

export class DbPetitionReader implements PetitionReader {
  private readonly db: Kysely<Database>;

  constructor(db: Db) {
    this.db = db.kysely;
  }

  async page(query: PetitionPageQuery): Promise<PetitionSignerRow[]> {
    let q = visibleSigners(this.db, query.campaignId);
    if (query.country) q = q.where('signatures.country', '=', query.country);
    const after = query.after;
    if (after) {
      q = q.where((eb: From) =>
        eb.or([
          eb('signatures.confirmed_at', '<', after.signedAt),
          eb.and([eb('signatures.confirmed_at', '=', after.signedAt), eb('signatures.id', '<', after.id)]),
        ]),
      );
    }
    const rows = await q
      .select([
        'signatures.id',
        'signatures.name',
        'signatures.union_name',
        'signatures.country',
        'signatures.petition_anonymous',
        'signatures.confirmed_at',
      ])
      .orderBy('signatures.confirmed_at', 'desc')
      .orderBy('signatures.id', 'desc')
      .limit(query.limit)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      name: r.name,
      union: r.union_name,
      country: r.country,
      anonymous: Number(r.petition_anonymous) === 1,
      signedAt: Number(r.confirmed_at),
    }));
  }

  async countries(campaignId: number): Promise<{ country: string; n: number }[]> {
    const rows = await visibleSigners(this.db, campaignId)
      .where('signatures.country', 'is not', null)
      .select(['signatures.country', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('signatures.country')
      .execute();
    return rows.map((r) => ({ country: r.country ?? '', n: Number(r.n) }));
  }
}
